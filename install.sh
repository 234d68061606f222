#!/usr/bin/env bash
# Installs ClassWatch on a fresh Debian/Ubuntu machine: the system libraries Qt
# needs, a CJK font, and a virtualenv in .venv with every Python dependency.
#   ./install.sh              the app
#   ./install.sh --test-tools also what the test suite drives for real
#                             (sshd for the tunnel, pdftoppm, LibreOffice, Xvfb,
#                             PostgreSQL: tests start a throw-away server of their own)
# On Windows/macOS: python -m venv .venv, then .venv's pip install -e ".[test]".
set -euo pipefail
cd "$(dirname "$0")"

packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 fonts-wqy-microhei
          python3-venv)
if [[ "${1:-}" == "--test-tools" ]]; then
  packages+=(openssh-server openssh-client openssl curl poppler-utils libreoffice-calc-nogui xvfb xauth
             postgresql x11-utils)
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "install.sh: no apt-get here; install Qt's system libraries and a CJK font yourself" >&2
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
extras="test"
# --test-tools: PyInstaller too, for CI's build of the packaged app (tools/build_bundle.py)
if [[ "${1:-}" == "--test-tools" ]]; then extras="test,bundle"; fi
.venv/bin/python -m pip install -q -e ".[$extras]"
echo "installed: run the app with .venv/bin/python main.py"
