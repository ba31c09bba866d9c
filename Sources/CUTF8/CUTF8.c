// UTF-8 validation with 16-byte vector lookups: the "lookup" algorithm of Keiser and Lemire
// (Software: Practice and Experience 51(5), 2021), as in simdjson and simdutf. Each byte pair
// (previous byte, this byte) is classified by three 16-entry tables indexed by the previous
// byte's high nibble, its low nibble and this byte's high nibble; the AND of the three is
// non-zero exactly for the invalid 2-byte patterns. A third or fourth byte that must be a
// continuation is checked from the bytes two and three back.
#include "CUTF8.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <string.h>

// Error classes (one bit each; TOO_LARGE_1000 and OVERLONG_4 share a bit, as in simdjson).
#define TOO_SHORT (1 << 0)      // 11______ 0_______ or 11______ 11______
#define TOO_LONG (1 << 1)       // 0_______ 10______
#define OVERLONG_3 (1 << 2)     // 11100000 100_____
#define TOO_LARGE (1 << 3)      // 11110100 1001____ and above
#define SURROGATE (1 << 4)      // 11101101 101_____
#define OVERLONG_2 (1 << 5)     // 1100000_ 10______
#define TOO_LARGE_1000 (1 << 6) // 11110101 1000____ and above
#define OVERLONG_4 (1 << 6)     // 11110000 1000____
#define TWO_CONTS (1 << 7)      // 10______ 10______
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

typedef struct {
    __m128i prev;        // the previous 16 bytes
    __m128i incomplete;  // non-zero when the previous block ended inside a sequence
    __m128i error;
} state;

__attribute__((target("ssse3")))
static inline __m128i shr4(__m128i v) { return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F)); }

__attribute__((target("ssse3")))
static inline void check_block(state *s, __m128i in) {
    const __m128i byte1HighTable = _mm_setr_epi8(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m128i byte1LowTable = _mm_setr_epi8(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m128i byte2HighTable = _mm_setr_epi8(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    __m128i prev1 = _mm_alignr_epi8(in, s->prev, 15);
    __m128i special = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(byte1HighTable, shr4(prev1)),
                      _mm_shuffle_epi8(byte1LowTable, _mm_and_si128(prev1, _mm_set1_epi8(0x0F)))),
        _mm_shuffle_epi8(byte2HighTable, shr4(in)));
    __m128i prev2 = _mm_alignr_epi8(in, s->prev, 14);
    __m128i prev3 = _mm_alignr_epi8(in, s->prev, 13);
    // 0x80 where the byte two back is a 3- or 4-byte lead, or the byte three back a 4-byte lead.
    __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80)));
    __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80)));
    __m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
    s->error = _mm_or_si128(s->error, _mm_xor_si128(must23, special));
    // A lead byte in the last three positions that its block cannot complete.
    const __m128i maxValue = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                           (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
    s->incomplete = _mm_subs_epu8(in, maxValue);
    s->prev = in;
}

__attribute__((target("ssse3")))
static int valid_ssse3(const uint8_t *p, size_t n) {
    state s = { _mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128() };
    size_t i = 0;
    while (i + 64 <= n) {
        __m128i a = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(p + i + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(p + i + 32));
        __m128i d = _mm_loadu_si128((const __m128i *)(p + i + 48));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) == 0) {
            // All ASCII: only a sequence left open by the block before is an error.
            s.error = _mm_or_si128(s.error, s.incomplete);
            s.incomplete = _mm_setzero_si128();
            s.prev = d;
        } else {
            check_block(&s, a);
            check_block(&s, b);
            check_block(&s, c);
            check_block(&s, d);
        }
        i += 64;
    }
    while (i + 16 <= n) {
        check_block(&s, _mm_loadu_si128((const __m128i *)(p + i)));
        i += 16;
    }
    // The rest, padded with zero bytes (ASCII): a sequence cut at the end meets a zero where
    // its continuation should be, which is an error.
    uint8_t tail[16] = {0};
    if (n > i) memcpy(tail, p + i, n - i);
    check_block(&s, _mm_loadu_si128((const __m128i *)tail));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(s.error, _mm_setzero_si128())) == 0xFFFF ? 1 : 0;
}
#endif

int breachscope_utf8_valid(const uint8_t *data, size_t count) {
#if defined(__x86_64__) || defined(__i386__)
    if (__builtin_cpu_supports("ssse3")) return valid_ssse3(data, count);
#endif
    (void)data; (void)count;
    return -1;
}
