/**
 * The one error type of the engine. Messages say what failed, where (file, tensor, module),
 * what was expected and what was found, and when possible what to do about it.
 * `code` lets callers (the CLI, tests) tell kinds apart without parsing text.
 */
export type FianetErrorCode =
  | 'bad-input' // user data: files, images, text, arguments
  | 'bad-weights' // checkpoint contents: missing tensors, wrong shapes, bad dtypes
  | 'bad-graph' // a model graph that cannot be built (a shape mismatch between modules)
  | 'no-device' // no usable WebGPU adapter/device
  | 'device-error'; // the GPU reported an error or the device was lost

export class FianetError extends Error {
  constructor(
    readonly code: FianetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FianetError';
  }
}

/**
 * Formats any value for an error message: bounded in depth, items and length, safe for BigInt,
 * cycles, Maps, typed arrays and hostile objects (a getter that throws), so quoting what a file
 * contains can never overflow the stack, allocate without bound or throw.
 */
export function quote(value: unknown, maxLength = 80): string {
  const text = quoteValue(value, 3, new Set());
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}

function quoteValue(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}...` : value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return value.toString().length > 40 ? `${value < 0n ? '-' : ''}<${value.toString().length} digits>` : value.toString();
    case 'symbol':
    case 'function':
      return `<${typeof value}>`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '<cycle>';
  if (depth === 0) return Array.isArray(obj) ? '[...]' : '{...}';
  seen.add(obj);
  try {
    const items = (entries: Iterable<unknown>, format: (e: unknown) => string): string => {
      const out: string[] = [];
      for (const e of entries) {
        if (out.length === 8) {
          out.push('...');
          break;
        }
        out.push(format(e));
      }
      return out.join(', ');
    };
    if (Array.isArray(obj)) return `[${items(obj, (e) => quoteValue(e, depth - 1, seen))}]`;
    if (ArrayBuffer.isView(obj)) return `<${obj.constructor.name} of ${obj.byteLength} bytes>`;
    if (obj instanceof Map) {
      return `Map{${items(obj, (e) => {
        const [k, v] = e as [unknown, unknown];
        return `${quoteValue(k, depth - 1, seen)}: ${quoteValue(v, depth - 1, seen)}`;
      })}}`;
    }
    const keys = Object.keys(obj);
    return `{${items(keys, (k) => `${quoteValue(k, 0, seen)}: ${quoteValue((obj as Record<string, unknown>)[k as string], depth - 1, seen)}`)}}`;
  } catch {
    return '<unprintable>';
  } finally {
    seen.delete(obj);
  }
}
