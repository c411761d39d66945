#!/bin/sh
# Installs the named Debian packages, saying so; uses sudo when not root.
set -e
echo "journeymap: installing missing Debian packages: $*" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq >&2 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >&2
