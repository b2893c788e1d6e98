#!/usr/bin/env bash
# Make sure redis-server is installed: the stack and the tests start their own.
set -euo pipefail
command -v redis-server >/dev/null 2>&1 && exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing: installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "redis-server is missing. Install it (Debian/Ubuntu: sudo apt-get install redis-server)," >&2
echo "or point NEWSWIRE_REDIS_URL at a running Redis." >&2
exit 1
