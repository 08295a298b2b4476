#include "auditdparser.h"
