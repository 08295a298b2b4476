#include "syscalltable.h"
