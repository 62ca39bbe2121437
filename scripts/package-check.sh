#!/usr/bin/env bash
# The Debian package, end to end (issue 22): build it with cargo-deb from the release build
# that `cargo test --release` already made, check its file list in a scratch root, validate
# the desktop entry, install it with dpkg, launch it the way the desktop does (the Exec line
# of the installed entry, from another working directory) under Xvfb, wait until the sample
# corpus is on screen, take a screenshot, remove the package and check nothing is left.
#
# Run by .ci/run. It never fails for a missing tool: steps that cannot run here say SKIP
# (no dpkg: not Debian; not root: no install). It fails when the package is wrong.
#   PACKAGE_CHECK_DISPLAY=:109   use this X display instead of starting one (xvfb-run -a)
#   DATELINE_SKIP_PACKAGE=1      skip the whole check
# Cost on a fresh machine: cargo-deb from crates.io only when missing (`cargo install
# --locked cargo-deb`: 121 s of CPU, 6 min wall at load 10 on 2 cores); then about a
# minute (cargo deb --fast, install, launch, remove). See README "Install".
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
out=target/package-check
say() { echo "package-check: $*"; }
skip() { say "SKIP $*"; }
fail() { say "FAIL $*"; exit 1; }

if [ "${DATELINE_SKIP_PACKAGE:-}" = 1 ]; then skip "DATELINE_SKIP_PACKAGE=1"; exit 0; fi
if ! command -v dpkg-deb >/dev/null; then skip "no dpkg-deb (not a Debian system)"; exit 0; fi
is_root=0; [ "$(id -u)" = 0 ] && is_root=1

# Tools for the later steps, installed when missing and possible (small, from apt).
want=(desktop-file-utils xvfb xauth imagemagick xdotool x11-utils)
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ] && [ $is_root = 1 ] && command -v apt-get >/dev/null; then
  say "installing ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
    || say "could not install ${missing[*]}; the steps needing them will be skipped"
fi

if ! command -v cargo-deb >/dev/null; then
  say "installing cargo-deb (cargo install --locked cargo-deb; a few minutes, once)"
  start=$(date +%s)
  cargo install --locked --quiet cargo-deb || { skip "could not install cargo-deb"; exit 0; }
  say "cargo-deb installed in $(( $(date +%s) - start )) s"
fi

# The binary of the README's test command (same features: no second build of the
# dependencies). Built here only when the script runs on its own.
bin=target/release/dateline
if [ ! -x "$bin" ]; then
  say "no $bin yet: cargo test --release --no-run"
  cargo test --release --no-run --quiet
fi

rm -rf "$out" && mkdir -p "$out"
say "building the package"
cargo deb --no-build --fast --output "$out/dateline.deb" >/dev/null
deb="$out/dateline.deb"

# --- 1. file list, in a scratch root -------------------------------------------------
scratch="$out/root"
dpkg-deb -x "$deb" "$scratch"
expected=(
  usr/bin/dateline
  usr/share/applications/dateline.desktop
  usr/share/mime/packages/dateline.xml
  usr/share/icons/hicolor/scalable/apps/dateline.svg
  usr/share/doc/dateline/copyright
)
for n in 16 22 24 32 48 64 128 256 512; do
  expected+=("usr/share/icons/hicolor/${n}x${n}/apps/dateline.png")
done
for f in assets/sample/* assets/gazetteer/*; do
  expected+=("usr/share/dateline/${f#assets/}")
done
for f in "${expected[@]}"; do
  [ -f "$scratch/$f" ] || fail "the package lacks /$f"
done
[ -x "$scratch/usr/bin/dateline" ] || fail "/usr/bin/dateline is not executable"
# Nothing outside /usr, and nothing but what is expected (plus the folders).
extra=$(cd "$scratch" && find . -type f | sed 's|^\./||' | sort | while read -r f; do
  printf '%s\n' "${expected[@]}" | grep -qxF "$f" || echo "$f"
done | grep -v '^usr/share/doc/dateline/' || true)
[ -z "$extra" ] || fail "unexpected files in the package: $extra"
for n in 16 48 256; do
  size=$(identify -format '%wx%h' "$scratch/usr/share/icons/hicolor/${n}x${n}/apps/dateline.png" 2>/dev/null || echo "${n}x${n}")
  [ "$size" = "${n}x${n}" ] || fail "icon ${n}x${n} is $size"
done
say "file list OK (${#expected[@]} files)"
# The scratch root's binary finds the sample under its own prefix (share/dateline/sample),
# from any working directory, without X.
n_articles=$(cd / && DATELINE_DATA_DIR="$root_dir/$out/data" "$root_dir/$scratch/usr/bin/dateline" \
  articles "$root_dir/$scratch/usr/share/dateline/sample" --json --no-corrections | grep -c '"path"' || true)
[ "$n_articles" -gt 0 ] || fail "the packaged binary read no article from the packaged sample"
say "packaged binary reads the packaged sample: $n_articles articles"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$scratch/usr/share/applications/dateline.desktop" || fail "desktop entry"
  say "desktop-file-validate OK"
else
  skip "desktop-file-validate (desktop-file-utils) not installed"
fi

# --- 2. install, launch from the desktop entry, remove -------------------------------
if [ $is_root = 0 ]; then skip "install/launch/remove (needs root for dpkg -i)"; exit 0; fi
if dpkg -s dateline >/dev/null 2>&1; then
  skip "install/launch/remove: a dateline package is already installed here; not touching it"
  exit 0
fi
listing="$out/files.txt"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' | grep -v '/$' > "$listing"

remove_pkg() { dpkg -r dateline >/dev/null 2>&1 || true; }
say "dpkg -i"
if ! dpkg -i "$deb" > "$out/dpkg-install.log" 2>&1; then
  cat "$out/dpkg-install.log"
  remove_pkg
  fail "dpkg -i (missing dependencies? see above)"
fi
trap remove_pkg EXIT
while read -r f; do [ -e "$f" ] || fail "installed package lacks $f"; done < "$listing"
# The triggers of shared-mime-info and desktop-file-utils ran.
if [ -d /usr/share/mime/application ]; then
  [ -f /usr/share/mime/application/jsonl.xml ] || fail "MIME database does not know application/jsonl after install"
fi
if [ -f /usr/share/applications/mimeinfo.cache ]; then
  grep -q '^inode/directory=.*dateline.desktop' /usr/share/applications/mimeinfo.cache \
    || fail "folders are not associated with dateline.desktop after install"
fi
say "installed; MIME and desktop caches updated"

launch_ok=0
if command -v import >/dev/null && command -v xdotool >/dev/null \
  && { [ -n "${PACKAGE_CHECK_DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }; then
  # The command the desktop runs for the entry (no file: %F expands to nothing).
  exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/dateline.desktop | head -1)
  cmd=${exec_line//%F/}
  cat > "$out/launch.sh" <<EOF
#!/usr/bin/env bash
# Runs inside the X display: launch as the desktop would, wait, screenshot, close.
set -uo pipefail
cd /
export DATELINE_DATA_DIR="$root_dir/$out/data" DATELINE_FIRST_FRAME=1
$cmd 2> "$root_dir/$out/app.log" &
pid=\$!
for _ in \$(seq 1 600); do
  grep -q '^dateline-startup: content' "$root_dir/$out/app.log" 2>/dev/null && break
  kill -0 \$pid 2>/dev/null || break
  sleep 0.1
done
sleep 0.5
xdotool mousemove 0 0 || true
win=\$(xdotool search --name 'sample corpus' 2>/dev/null | head -1)
echo "window=\$win" > "$root_dir/$out/window.txt"
[ -n "\$win" ] && xprop -id "\$win" WM_CLASS >> "$root_dir/$out/window.txt" 2>/dev/null
import -window root "$root_dir/$out/screenshot.png"
kill \$pid 2>/dev/null
wait \$pid 2>/dev/null
exit 0
EOF
  chmod +x "$out/launch.sh"
  say "launching '$cmd' from / under X"
  if [ -n "${PACKAGE_CHECK_DISPLAY:-}" ]; then
    DISPLAY="$PACKAGE_CHECK_DISPLAY" "$out/launch.sh"
  else
    xvfb-run -a -s "-screen 0 1400x900x24" "$out/launch.sh"
  fi
  grep -q '^dateline-startup: content' "$out/app.log" || { cat "$out/app.log"; fail "the app did not show a corpus"; }
  grep -q 'window=[0-9]' "$out/window.txt" || { cat "$out/app.log"; fail "no window titled '... sample corpus'"; }
  grep -q '"dateline"' "$out/window.txt" || fail "window class is not dateline: $(cat "$out/window.txt")"
  [ -s "$out/screenshot.png" ] || fail "no screenshot"
  say "launched from the desktop entry: $(grep '^dateline-startup' "$out/app.log" | tr '\n' ' ')"
  say "screenshot: $out/screenshot.png"
  launch_ok=1
else
  skip "launch under X (needs xvfb-run or PACKAGE_CHECK_DISPLAY, xdotool, imagemagick)"
fi

say "dpkg -r"
trap - EXIT
dpkg -r dateline > "$out/dpkg-remove.log" 2>&1 || { cat "$out/dpkg-remove.log"; fail "dpkg -r"; }
if dpkg -s dateline 2>/dev/null | grep -q '^Status: install'; then fail "still installed after dpkg -r"; fi
while read -r f; do [ ! -e "$f" ] || fail "$f left after removal"; done < "$listing"
[ ! -e /usr/share/dateline ] || fail "/usr/share/dateline left after removal"
[ ! -f /usr/share/mime/application/jsonl.xml ] || fail "MIME type left after removal"
if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q dateline.desktop /usr/share/applications/mimeinfo.cache; then
  fail "dateline.desktop still in mimeinfo.cache after removal"
fi
say "removed cleanly"
say "OK (launch checked: $launch_ok)"
