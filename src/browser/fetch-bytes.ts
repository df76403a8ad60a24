/**
 * Downloads a URL into one Uint8Array, reporting bytes as they arrive (model weights are
 * tens of MB to GB: a page wants a progress bar, not a frozen spinner). When the server
 * sends Content-Length the bytes are streamed into a buffer of that size, so the file is
 * held once, not as chunks plus a copy.
 */
import { FianetError } from '../errors.js';

export type ByteProgress = (loaded: number, total: number | undefined) => void;

export async function fetchBytes(url: string | URL, onProgress: ByteProgress = () => {}): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new FianetError('bad-input', `cannot fetch ${url}: ${(e as Error).message} (is the server running, and the URL on the same origin or CORS-enabled?)`);
  }
  if (!response.ok) throw new FianetError('bad-input', `cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`);
  const header = response.headers.get('content-length');
  // A compressed response's Content-Length counts the encoded bytes, not the ones we read.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const total = header !== null && !encoded ? Number(header) : undefined;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const out = total !== undefined ? new Uint8Array(total) : undefined;
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (out) {
      if (loaded + value.length > out.length) throw new FianetError('bad-input', `${url}: the server sent more than its Content-Length (${total} bytes)`);
      out.set(value, loaded);
    } else {
      chunks.push(value);
    }
    loaded += value.length;
    onProgress(loaded, total);
  }
  if (out) {
    if (loaded !== out.length) throw new FianetError('bad-input', `${url}: download ended after ${loaded} of ${total} bytes; try again`);
    return out;
  }
  const joined = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  return joined;
}
