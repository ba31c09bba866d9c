#include "CSHA256Blocks.h"

// BoringSSL's public SHA256_TransformBlocks (openssl/sha.h), as swift-crypto builds it with its
// symbol prefix. Weak: where swift-crypto does not build BoringSSL, the address is null and
// BreachScope falls back to its own (slower) compression.
extern void CCryptoBoringSSL_SHA256_TransformBlocks(uint32_t state[8], const uint8_t *data, size_t num_blocks)
    __attribute__((weak));

int breachscope_sha256_blocks_available(void) {
    return CCryptoBoringSSL_SHA256_TransformBlocks != 0;
}

void breachscope_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    CCryptoBoringSSL_SHA256_TransformBlocks(state, data, blocks);
}

// SHA-256's round constants (FIPS 180-4, 4.2.2), for every compression here and the portable
// Swift one (`KeyedHasher.portableCompress`).
const uint32_t breachscope_sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int breachscope_sha_ni_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}


#define K breachscope_sha256_k

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// The 16 four-round steps fully unrolled, so the message words stay in registers (a loop
// indexes them on the stack: half the speed of BoringSSL's compression).
#if defined(__clang__)
#define UNROLL _Pragma("clang loop unroll(full)")
#else
#define UNROLL _Pragma("GCC unroll 16")
#endif

// The state (a..h, 8 words) in the two registers SHA256RNDS2 works on: ABEF and CDGH.
SHA_TARGET static inline void load_state(const uint32_t st[8], __m128i *abef, __m128i *cdgh) {
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&st[0]), 0xB1);  // CDAB
    __m128i s = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&st[4]), 0x1B);  // EFGH
    *abef = _mm_alignr_epi8(t, s, 8);
    *cdgh = _mm_blend_epi16(s, t, 0xF0);
}

SHA_TARGET static inline void store_state(uint32_t st[8], __m128i abef, __m128i cdgh) {
    __m128i t = _mm_shuffle_epi32(abef, 0x1B);
    __m128i s = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&st[0], _mm_blend_epi16(t, s, 0xF0));
    _mm_storeu_si128((__m128i *)&st[4], _mm_alignr_epi8(s, t, 8));
}

// Message words 4r..4r+3 from the four before them (FIPS 180-4 6.2.2, four at a time).
#define NEXT(M, r) \
    M[(r) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(M[(r) & 3], M[((r) + 1) & 3]), \
                                                    _mm_alignr_epi8(M[((r) + 3) & 3], M[((r) + 2) & 3], 4)), \
                                      M[((r) + 3) & 3])

SHA_TARGET void breachscope_sha256_ni(uint32_t st[8], const uint8_t *data) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i s0, s1;
    load_state(st, &s0, &s1);
    const __m128i a0 = s0, b0 = s1;
    __m128i M[4];
    for (int i = 0; i < 4; i++) M[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), swap);
    UNROLL for (int r = 0; r < 16; r++) {
        if (r >= 4) NEXT(M, r);
        __m128i w = _mm_add_epi32(M[r & 3], _mm_load_si128((const __m128i *)&K[4 * r]));
        s1 = _mm_sha256rnds2_epu32(s1, s0, w);
        s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(w, 0x0E));
        __asm__("" : "+x"(M[0]), "+x"(M[1]), "+x"(M[2]), "+x"(M[3]), "+x"(s0), "+x"(s1));
    }
    store_state(st, _mm_add_epi32(s0, a0), _mm_add_epi32(s1, b0));
}

SHA_TARGET void breachscope_sha256_ni_2(uint32_t st[8], const uint8_t *data, uint32_t su[8], const uint8_t *datb) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i s0, s1, t0, t1;
    load_state(st, &s0, &s1);
    load_state(su, &t0, &t1);
    __m128i M[4], N[4];
    for (int i = 0; i < 4; i++) {
        M[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), swap);
        N[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(datb + 16 * i)), swap);
    }
    // Two independent streams, interleaved: SHA256RNDS2 has a latency of several cycles and a
    // throughput of one every two, so one stream leaves the unit half idle. The starting states
    // are read again from memory at the end: 16 registers hold two streams' states and message
    // words, not their starting states too.
    UNROLL for (int r = 0; r < 16; r++) {
        if (r >= 4) { NEXT(M, r); NEXT(N, r); }
        __m128i k = _mm_load_si128((const __m128i *)&K[4 * r]);
        __m128i w = _mm_add_epi32(M[r & 3], k), x = _mm_add_epi32(N[r & 3], k);
        s1 = _mm_sha256rnds2_epu32(s1, s0, w);
        t1 = _mm_sha256rnds2_epu32(t1, t0, x);
        s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(w, 0x0E));
        t0 = _mm_sha256rnds2_epu32(t0, t1, _mm_shuffle_epi32(x, 0x0E));
        // Keeps each step's message words where the step is: clang otherwise computes the second
        // stream's whole schedule first and spills it (a third slower).
        __asm__("" : "+x"(M[0]), "+x"(M[1]), "+x"(M[2]), "+x"(M[3]), "+x"(N[0]), "+x"(N[1]), "+x"(N[2]), "+x"(N[3]),
                     "+x"(s0), "+x"(s1), "+x"(t0), "+x"(t1));
    }
    __m128i a0, b0, c0, d0;
    load_state(st, &a0, &b0);
    load_state(su, &c0, &d0);
    store_state(st, _mm_add_epi32(s0, a0), _mm_add_epi32(s1, b0));
    store_state(su, _mm_add_epi32(t0, c0), _mm_add_epi32(t1, d0));
}

#else

int breachscope_sha_ni_available(void) { return 0; }
void breachscope_sha256_ni(uint32_t st[8], const uint8_t *data) { (void)st; (void)data; }
void breachscope_sha256_ni_2(uint32_t st[8], const uint8_t *data, uint32_t su[8], const uint8_t *datb) {
    (void)st; (void)data; (void)su; (void)datb;
}

#endif
