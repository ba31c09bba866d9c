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
