#define _GNU_SOURCE
#include "CFileSwap.h"
#include <errno.h>
#include <stdio.h>

#if defined(__linux__)
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
int apidocgen_exchange_paths(const char *a, const char *b) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}
#elif defined(__APPLE__)
int apidocgen_exchange_paths(const char *a, const char *b) {
    return renamex_np(a, b, RENAME_SWAP);
}
#else
int apidocgen_exchange_paths(const char *a, const char *b) {
    (void)a; (void)b;
    errno = ENOTSUP;
    return -1;
}
#endif
