#!/usr/bin/env bash
# Makes sure what the build needs beyond Swift is here: libcmark (Debian's libcmark-dev, found by
# pkg-config as `libcmark`). Installs it with apt-get when it is missing and we can; otherwise says
# what to do and fails.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "bootstrap: swift is not on PATH; install Swift 6 (https://www.swift.org/install) first" >&2
    exit 1
fi

have_cmark() {
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark
}

if have_cmark; then
    exit 0
fi

echo "bootstrap: libcmark not found; installing libcmark-dev and pkg-config" >&2
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != "0" ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "bootstrap: run as root or install sudo, or run: apt-get install -y libcmark-dev pkg-config" >&2
            exit 1
        fi
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcmark-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
    brew install cmark pkg-config
else
    echo "bootstrap: no apt-get or brew here; install libcmark (headers and pkg-config file libcmark.pc) yourself" >&2
    exit 1
fi

if ! have_cmark; then
    echo "bootstrap: libcmark is still not visible to pkg-config; check PKG_CONFIG_PATH" >&2
    exit 1
fi
