#ifndef APIDOCGEN_CCMARK_SHIM_H
#define APIDOCGEN_CCMARK_SHIM_H
#include <cmark.h>
#endif
