#!/usr/bin/env bash
# The npm package as a user gets it (issue #17): `npm pack` (prepack builds dist/ and the
# declarations), the tarball's contents, an install into an empty project (offline: the
# dependencies come from the npm cache that `npm ci` filled), a Node ESM script that segments
# the shipped example, `npx fianet segment`, a strict TypeScript consumer of both entries
# (with wrong options that must not type-check), and an esbuild browser bundle of
# `fianet-webgpu/browser`. The consumer files are test/package/*. Run: npm run test:package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fianet-package-XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "test-package: $*" >&2; exit 1; }

cd "$repo"
version="$(node -p "require('./package.json').version")"
npm pack --silent --pack-destination "$work" >/dev/null
tarball="$work/fianet-webgpu-$version.tgz"
[ -f "$tarball" ] || fail "npm pack wrote no $tarball"

# Contents: the entries, their declarations, the CLI, the demo weights and examples; no
# sources, tests, benchmarks or scripts.
listing="$(tar tzf "$tarball")"
for need in dist/node.js dist/cli.js dist/fianet.browser.js dist/types/node.d.ts dist/types/browser.d.ts \
  bin/fianet.js weights/demo.safetensors weights/vocab.txt examples/example1.png LICENSE README.md package.json; do
  grep -qx "package/$need" <<<"$listing" || fail "the tarball lacks $need"
done
stray="$(grep -E '^package/(src|test|bench|scripts|web|node_modules)/|\.map$' <<<"$listing" || true)"
[ -z "$stray" ] || fail "the tarball carries files it should not:"$'\n'"$stray"
bytes="$(stat -c %s "$tarball")"
[ "$bytes" -lt $((40 * 1024 * 1024)) ] || fail "the tarball is $bytes bytes; only the demo weights may be heavy"
echo "test-package: $(basename "$tarball"): $((bytes / 1024)) KiB, $(wc -l <<<"$listing") files"

# An empty project installing the tarball.
app="$work/app"
mkdir "$app"
cp test/package/consumer.ts test/package/consumer-browser.ts test/package/segment.mjs test/package/browser-entry.js test/package/tsconfig.json "$app/"
cd "$app"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' >package.json
npm install --prefer-offline --no-audit --no-fund --loglevel=error "$tarball" >/dev/null

# The library from Node: segments the shipped example against its ground truth. (Dawn's
# native messages reach a library user's stderr; shown only if the script fails.)
node segment.mjs 2>segment.err || { cat segment.err >&2; fail "the Node ESM app failed"; }

# The CLI from the install: only the answer lines.
out="$(npx --no-install fianet segment --weights node_modules/fianet-webgpu/weights/demo.safetensors \
  --image node_modules/fianet-webgpu/examples/example1.png --text "a green tennis court on the far right" --out mask.png 2>&1)"
[ "$(cut -d: -f1 <<<"$out" | tr '\n' ' ')" = "adapter words timings mask " ] || fail "npx fianet segment printed:"$'\n'"$out"
[ -s mask.png ] || fail "npx fianet segment wrote no mask.png"
echo "test-package: npx fianet segment: $(tail -1 <<<"$out")"

# Types: a strict consumer of both entries (the repository's TypeScript and Node types).
"$repo/node_modules/.bin/tsc" -p tsconfig.json --typeRoots "$repo/node_modules/@types" || fail "the TypeScript consumer does not type-check"
echo "test-package: strict TypeScript consumer type-checks (wrong options rejected)"

# The browser entry bundles for the browser platform: a Node built-in fails esbuild there
# (it cannot resolve one), and the metafile must show nothing left external.
"$repo/node_modules/.bin/esbuild" browser-entry.js --bundle --platform=browser --format=esm --outfile=bundle.js --metafile=meta.json --log-level=error ||
  fail "esbuild cannot bundle fianet-webgpu/browser for the browser"
external="$(node -e 'const m = require("./meta.json"); console.log(Object.values(m.outputs).flatMap((o) => o.imports).filter((i) => i.external).map((i) => i.path).join(" "))')"
[ -z "$external" ] || fail "the browser bundle leaves imports to the host: $external"
echo "test-package: esbuild browser bundle of fianet-webgpu/browser: $(($(stat -c %s bundle.js) / 1024)) KiB, self-contained"
