#ifndef CAESGCM_H
#define CAESGCM_H
#include <stddef.h>
#include <stdint.h>

/// An AES-256-GCM sealing context of swift-crypto's BoringSSL (`EVP_AEAD_CTX`) for `key` (32
/// bytes), made once and used for every seal; NULL where BoringSSL is not linked in (swift-crypto
/// uses CryptoKit on Apple platforms) or the context cannot be made.
void *breachscope_aes256gcm_new(const uint8_t *key);

/// Frees a context made by `breachscope_aes256gcm_new`.
void breachscope_aes256gcm_free(void *context);

/// Seals `length` bytes of `plaintext` under the 12-byte `nonce`: writes the ciphertext and the
/// 16-byte tag to `out` (room for `length + 16` bytes). Returns 1 on success, 0 on failure.
int breachscope_aes256gcm_seal(const void *context, const uint8_t *nonce, const uint8_t *plaintext, size_t length,
                               uint8_t *out);

#endif
