#!/usr/bin/env bash
# The map step of indexing a large archive, run locally: lists the article files under
# CORPUS, splits the list into N parts and runs `dateline index` once per part, writing
# OUT/shards/shard-0000.dlindex ... Open the result with any command or the window:
#   dateline events OUT/shards --json
# On a cluster, run the same `dateline index --files-from LIST --out SHARD` line as one task
# of a Slurm job array or inside Spark's mapPartitions (see the README).
#
# Usage: scripts/shard-map.sh CORPUS OUT N [DATELINE]
#   DATELINE defaults to `dateline` on the PATH. Set JOBS=K to run K parts at once.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 CORPUS OUT N [DATELINE]" >&2
  exit 2
fi
corpus=$1
out=$2
n=$3
bin=${4:-dateline}
jobs=${JOBS:-1}
mkdir -p "$out/lists" "$out/shards"
# The files dateline reads, as it walks a folder (hidden files and folders skipped, other
# files recognised by their extension or their first bytes).
"$bin" index --list "$corpus" | LC_ALL=C sort > "$out/lists/all"
rm -f "$out"/lists/part-*
# Round robin: every part gets a share of every folder.
split -n "r/$n" -d -a 4 "$out/lists/all" "$out/lists/part-"
ls "$out"/lists/part-* | xargs -P "$jobs" -I{} sh -c \
  'k=${1##*-}; "$2" index --files-from "$1" --out "$3/shards/shard-$k.dlindex"' _ {} "$bin" "$out"
echo "shards in $out/shards: open them with: $bin events $out/shards" >&2
