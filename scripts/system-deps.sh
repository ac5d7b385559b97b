#!/usr/bin/env bash
# Install the Debian packages CP Portal needs, when they are missing.
#   scripts/system-deps.sh runtime   what the portal needs to run (WeasyPrint, fonts, gettext)
#   scripts/system-deps.sh test      and PostgreSQL, Redis, Chromium, poppler for the tests
#   scripts/system-deps.sh bench     and wrk for the load benchmarks
set -euo pipefail
profile=${1:-runtime}
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk gettext)
case "$profile" in
  runtime) ;;
  test) packages+=(postgresql redis-server chromium poppler-utils) ;;
  bench) packages+=(postgresql redis-server chromium poppler-utils wrk) ;;
  *) echo "usage: $0 runtime|test|bench" >&2; exit 2 ;;
esac

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "CP Portal needs these system packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
