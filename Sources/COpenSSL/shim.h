#ifndef IVYSCAN_COPENSSL_SHIM_H
#define IVYSCAN_COPENSSL_SHIM_H
// Only hashing is used: fingerprints are SHA-256 of rule id and secret.
#include <openssl/sha.h>
#include <openssl/evp.h>
#endif
