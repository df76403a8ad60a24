/**
 * Imported first by the fuzz worker: wraps ArrayBuffer and the typed-array constructors so a
 * single allocation over the limit is recorded as a memory blowup, even when the parser
 * catches the error it causes (zero-filled pages are lazy, so RSS alone would miss a 4 GiB
 * `new Uint8Array` that is never written).
 */
export const ALLOCATION_LIMIT = 2 ** 30;

let blowup: string | undefined;

/** The first over-limit allocation since the last call, with where it came from. */
export function takeBlowup(): string | undefined {
  const b = blowup;
  blowup = undefined;
  return b;
}

/** A Proxy rather than a subclass: the prototype stays the native one (libraries such as float16 read its own getters). */
function guard(name: string, bytesPer: number): void {
  const g = globalThis as unknown as Record<string, new (...args: unknown[]) => object>;
  g[name] = new Proxy(g[name]!, {
    construct(target, args, newTarget) {
      const n = args[0];
      if (typeof n === 'number' && n * bytesPer > ALLOCATION_LIMIT) {
        const where = (new Error().stack ?? '').split('\n').slice(2, 5).map((l) => l.trim()).join(' < ');
        blowup ??= `${name}(${n}) = ${(n * bytesPer / 2 ** 30).toFixed(2)} GiB requested at ${where}`;
        throw new RangeError(`fuzz allocation limit: ${name}(${n})`);
      }
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
}

guard('ArrayBuffer', 1);
for (const [name, size] of [['Int8Array', 1], ['Uint8Array', 1], ['Uint8ClampedArray', 1], ['Int16Array', 2], ['Uint16Array', 2], ['Int32Array', 4], ['Uint32Array', 4], ['Float32Array', 4], ['Float64Array', 8], ['BigInt64Array', 8], ['BigUint64Array', 8]] as const) {
  guard(name, size);
}
