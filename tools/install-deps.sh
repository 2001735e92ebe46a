#!/usr/bin/env bash
# Install what the project needs on Debian 12, idempotently:
#   system packages (QGIS 3.22, pandas/openpyxl as QGIS users on Debian have them,
#   xvfb, poppler, Qt translation tools, PostgreSQL/PostGIS for the shared-store tests)
#   and a venv over the system Python for the development tools.
# Usage: tools/install-deps.sh [--no-postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(qgis python3-qgis qgis-providers python3-pandas python3-openpyxl python3-pytest
  python3-venv xvfb xauth poppler-utils qttools5-dev-tools pyqt5-dev-tools sqlite3)
# the web atlas's browser test and benchmark: headless Chromium driven by Selenium
packages+=(chromium chromium-driver)
if [ "${1:-}" != "--no-postgres" ]; then
  packages+=(postgresql postgresql-15-postgis-3 python3-psycopg2)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Development tools in a venv that sees the system's PyQGIS, pandas and openpyxl.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
stamp=.venv/.dev-tools-installed
req=tools/requirements-dev.txt
if [ ! -f "$stamp" ] || [ "$req" -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi
