#include "auditwriter.h"
