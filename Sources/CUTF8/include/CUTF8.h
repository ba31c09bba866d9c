#ifndef CUTF8_H
#define CUTF8_H
#include <stddef.h>
#include <stdint.h>

/// Whether `data[0..<count]` is well-formed UTF-8 (no overlongs, surrogates, code points past
/// U+10FFFF, stray continuation bytes, or a sequence cut at the end), checked 16 bytes at a
/// time with SSSE3 byte lookups (Keiser and Lemire, "Validating UTF-8 in less than one
/// instruction per byte", 2021). Returns 1 for valid, 0 for invalid, and -1 when this CPU or
/// platform has no SSSE3: the caller then checks the bytes itself.
int breachscope_utf8_valid(const uint8_t *data, size_t count);

#endif
