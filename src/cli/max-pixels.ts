/** `--max-pixels N` of segment and eval: the image pixel limit, a positive whole number. */
import { FianetError, quote } from '../errors.js';
import { DEFAULT_MAX_PIXELS } from '../io/image-types.js';

export function parseMaxPixels(arg: string | undefined): number {
  if (arg === undefined) return DEFAULT_MAX_PIXELS;
  const n = Number(arg);
  if (!Number.isSafeInteger(n) || n < 1) throw new FianetError('bad-input', `--max-pixels must be a positive whole number of pixels, got ${quote(arg)}`);
  return n;
}
