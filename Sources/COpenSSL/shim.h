#ifndef IVYSCAN_COPENSSL_SHIM_H
#define IVYSCAN_COPENSSL_SHIM_H
// Only hashing is used: fingerprints are SHA-256 of rule id and secret,
// baseline entries HMAC-SHA256 of them under the baseline's salt.
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
