#ifndef APIDOCGEN_CFILESWAP_H
#define APIDOCGEN_CFILESWAP_H

/// Atomically exchanges two paths (both must exist). Returns 0 on success, -1 with errno set
/// when the platform or file system cannot exchange atomically.
int apidocgen_exchange_paths(const char *a, const char *b);

#endif
