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

#endif
