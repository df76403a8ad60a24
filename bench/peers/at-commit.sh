#!/usr/bin/env bash
# Runs the peer benchmark on a clean checkout of one commit (default HEAD), so its figures
# belong to that commit and not to whatever is being edited in the working tree:
#   bash bench/peers/at-commit.sh [REV] [run.mjs options...]
# The checkout is a temporary git worktree sharing this checkout's node_modules and models
# (bash bench/peers/setup.sh first); it is removed afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rev="HEAD"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then rev="$1"; shift; fi
hash="$(git -C "$repo" rev-parse --short "$rev")"
parent="$(mktemp -d)"
tree="$parent/fianet-$hash"
git -C "$repo" worktree add --detach --quiet "$tree" "$hash"
trap 'git -C "$repo" worktree remove --force "$tree"; rmdir "$parent"' EXIT
[ -f "$tree/bench/peers/run.mjs" ] || { echo "at-commit: $hash has no bench/peers/run.mjs" >&2; exit 1; }
ln -s "$repo/node_modules" "$tree/node_modules"
ln -s "$here/node_modules" "$tree/bench/peers/node_modules"
ln -s "$here/models" "$tree/bench/peers/models"
echo "at-commit: measuring $hash in $tree" >&2
node "$tree/bench/peers/run.mjs" "$@"
