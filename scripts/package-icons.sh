#!/usr/bin/env bash
# Regenerates the app icons from assets/icon.svg (the one source): the hicolor PNG sizes the
# Linux desktop looks up, the window icon, and a Windows .ico. The PNGs are committed, so
# this only runs when the SVG changes. Needs rsvg-convert (apt: librsvg2-bin) for the
# rendering and ImageMagick's `convert` for the .ico.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/icons
mkdir -p "$out"
for n in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio assets/icon.svg -o "$out/dateline-$n.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar use.
convert "$out"/dateline-{16,24,32,48,64,256}.png "$out/dateline.ico"
ls -l "$out"
