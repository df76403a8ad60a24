/**
 * JSON-aware mutations (tokens, configs, safetensors headers): one node of the parsed value
 * replaced by an edge value, written as raw text so the fuzzer itself never recurses into
 * it: 100k-deep arrays, 200k-item arrays, huge and non-integer numbers, BigInt-sized
 * literals, long strings, wrong types; keys removed or duplicated.
 */
import type { Rng } from '../rng.js';

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const EDGE_TEXT: ((rng: Rng) => string)[] = [
  () => deep(100_000),
  () => `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
  () => `[${new Array(200_000).fill(1).join(',')}]`,
  () => '1'.repeat(400),
  () => '-1',
  () => '0',
  () => '1e308',
  () => '1.5',
  () => '9007199254740993',
  () => '-2147483649',
  () => '4294967296',
  () => 'null',
  () => 'true',
  () => '""',
  () => `"${'x'.repeat(1 << 20)}"`,
  () => '{}',
  () => '[]',
  () => '[1,2,3]',
  () => '["1"]',
  () => '{"__proto__": {"x": 1}}',
  (rng) => `[${Array.from({ length: 1 + rng.int(8) }, () => rng.int(70000) - 1).join(',')}]`,
];

const PLACEHOLDER = '\u0000fuzz\u0000';

/** Paths to every node (capped) of a parsed JSON value. */
function nodes(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 5000) return out;
  out.push(path);
  if (Array.isArray(value)) value.slice(0, 64).forEach((v, i) => nodes(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value).slice(0, 64)) nodes(v, [...path, k], out);
  return out;
}

export function mutateJsonValue(value: unknown, rng: Rng): string {
  const all = nodes(value);
  const path = rng.pick(all);
  const edge = rng.pick(EDGE_TEXT)(rng);
  if (path.length === 0) return edge;
  const root = structuredClone(value) as Record<string | number, unknown>;
  let parent = root;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (rng.chance(0.15) && !Array.isArray(parent)) {
    delete parent[last];
    return JSON.stringify(root);
  }
  parent[last] = PLACEHOLDER;
  return JSON.stringify(root).replace(JSON.stringify(PLACEHOLDER), edge);
}

/** Mutates JSON text; undefined when the text does not parse (byte mutations take over). */
export function mutateJsonText(text: string, rng: Rng): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return mutateJsonValue(value, rng);
}
