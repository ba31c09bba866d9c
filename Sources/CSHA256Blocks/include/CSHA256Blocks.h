#ifndef CSHA256BLOCKS_H
#define CSHA256BLOCKS_H
#include <stddef.h>
#include <stdint.h>

/// Whether swift-crypto's BoringSSL SHA-256 block function (SHA-NI / AVX2 code paths) is linked
/// into this binary: on Linux it is; on Apple platforms swift-crypto uses CryptoKit instead.
int breachscope_sha256_blocks_available(void);

/// Runs `blocks` SHA-256 compressions of `data` (64 bytes each) on `state` (8 words), with
/// BoringSSL's `SHA256_TransformBlocks`. Call only when available.
void breachscope_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants.
extern const uint32_t breachscope_sha256_k[64];

/// Whether this x86-64 CPU has the SHA extensions (and SSSE3, SSE4.1) for the two functions
/// below; 0 elsewhere.
int breachscope_sha_ni_available(void);

/// One SHA-256 compression of the 64 bytes at `data` into `state`, with the SHA extensions
/// (no dispatch: the caller checked `breachscope_sha_ni_available`).
void breachscope_sha256_ni(uint32_t state[8], const uint8_t *data);

/// Two independent compressions at once, interleaved: one block of `data` into `state` and one
/// of `datb` into `statb`. About 1.5 times the throughput of two single ones.
void breachscope_sha256_ni_2(uint32_t state[8], const uint8_t *data, uint32_t statb[8], const uint8_t *datb);

#endif
