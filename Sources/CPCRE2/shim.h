#ifndef IVYSCAN_CPCRE2_SHIM_H
#define IVYSCAN_CPCRE2_SHIM_H
// The 8-bit library only; Swift cannot see pcre2.h's function-like macros,
// so callers use the _8-suffixed names directly.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are casts Swift cannot import.
static inline PCRE2_SIZE ivy_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
