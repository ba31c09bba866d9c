#include "CAESGCM.h"

// BoringSSL's public AEAD interface (openssl/aead.h), as swift-crypto builds it with its symbol
// prefix. Weak: where swift-crypto does not build BoringSSL, the addresses are null and
// BreachScope seals through swift-crypto's AES.GCM instead.
struct evp_aead_st;
struct evp_aead_ctx_st;
extern const struct evp_aead_st *CCryptoBoringSSL_EVP_aead_aes_256_gcm(void) __attribute__((weak));
extern struct evp_aead_ctx_st *CCryptoBoringSSL_EVP_AEAD_CTX_new(const struct evp_aead_st *aead, const uint8_t *key,
                                                                size_t key_len, size_t tag_len) __attribute__((weak));
extern void CCryptoBoringSSL_EVP_AEAD_CTX_free(struct evp_aead_ctx_st *ctx) __attribute__((weak));
extern int CCryptoBoringSSL_EVP_AEAD_CTX_seal(const struct evp_aead_ctx_st *ctx, uint8_t *out, size_t *out_len,
                                              size_t max_out_len, const uint8_t *nonce, size_t nonce_len,
                                              const uint8_t *in, size_t in_len, const uint8_t *ad, size_t ad_len)
    __attribute__((weak));

void *breachscope_aes256gcm_new(const uint8_t *key) {
    if (!CCryptoBoringSSL_EVP_aead_aes_256_gcm || !CCryptoBoringSSL_EVP_AEAD_CTX_new || !CCryptoBoringSSL_EVP_AEAD_CTX_free
        || !CCryptoBoringSSL_EVP_AEAD_CTX_seal) {
        return 0;
    }
    return CCryptoBoringSSL_EVP_AEAD_CTX_new(CCryptoBoringSSL_EVP_aead_aes_256_gcm(), key, 32, 16);
}

void breachscope_aes256gcm_free(void *context) {
    if (context) CCryptoBoringSSL_EVP_AEAD_CTX_free((struct evp_aead_ctx_st *)context);
}

int breachscope_aes256gcm_seal(const void *context, const uint8_t *nonce, const uint8_t *plaintext, size_t length,
                               uint8_t *out) {
    size_t written = 0;
    int ok = CCryptoBoringSSL_EVP_AEAD_CTX_seal((const struct evp_aead_ctx_st *)context, out, &written, length + 16,
                                                nonce, 12, plaintext, length, 0, 0);
    return ok && written == length + 16;
}
