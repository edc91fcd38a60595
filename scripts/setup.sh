#!/usr/bin/env bash
# Install what labreport needs on a fresh Debian/Ubuntu machine, then its npm packages.
#   Debian packages: chromium (renders the PDF), fonts-noto-cjk (Chinese text),
#   tshark (the tests' oracle), poppler-utils (pdftotext/pdftoppm, used by the tests),
#   python3-docx (the tests read Word documents with it).
# Idempotent: only what is missing is installed. Elsewhere, install the equivalents
# yourself (any Chrome/Chromium works: `labreport build --chrome PATH`).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK\|Noto Serif CJK\|WenQuanYi' || need+=(fonts-noto-cjk)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || python3 -c 'import docx' >/dev/null 2>&1 || need+=(python3-docx)

if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: please install: ${need[*]} (no apt-get here)" >&2
  fi
fi

# npm ci installs exactly the locked versions; `prepare` compiles TypeScript to dist/.
npm ci --no-audit --no-fund
