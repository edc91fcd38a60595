#!/usr/bin/env bash
# Convert Word reports to PDF with LibreOffice, to see them as Word, WPS or LibreOffice users will:
#   scripts/docx-to-pdf.sh [--png DPI] FILE.docx...
# writes FILE.pdf beside each FILE.docx; with --png, also FILE-1.png, FILE-2.png, … (pdftoppm).
# Needs the Debian packages libreoffice-writer and poppler-utils. LibreOffice runs headless with a
# profile of its own in a temporary folder, so it neither touches nor waits for a running LibreOffice.
set -euo pipefail

dpi=""
if [ "${1:-}" = "--png" ]; then
  dpi="${2:?--png takes a resolution, e.g. --png 60}"
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [--png DPI] FILE.docx..." >&2; exit 2; }
command -v soffice >/dev/null 2>&1 || { echo "$0: soffice not found (apt-get install libreoffice-writer)" >&2; exit 2; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

for docx in "$@"; do
  [ -f "$docx" ] || { echo "$0: $docx: no such file" >&2; exit 2; }
  dir="$(cd "$(dirname "$docx")" && pwd)"
  name="$(basename "$docx" .docx)"
  soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf --outdir "$dir" "$docx" >/dev/null
  echo "$dir/$name.pdf"
  if [ -n "$dpi" ]; then
    pdftoppm -png -r "$dpi" "$dir/$name.pdf" "$dir/$name"
    ls "$dir/$name"-*.png
  fi
done
