// Declarations only (see include/FuzzDriverC.h); SwiftPM needs one source file per C target.
#include "FuzzDriverC.h"
