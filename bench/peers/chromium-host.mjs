// The page side driven from Node: Debian's Chromium (headless, WebGPU on SwiftShader, the
// browser tests' flags) on a localhost page that loads dist/page.js. The page is cross-origin
// isolated (COOP/COEP) so ORT's wasm can use its threads, as a site serving it would set up.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/browser/chromium.ts';
import { descendantsCpuMs } from './cpu-load.ts';

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>peers</title><link rel="icon" href="data:,"><script type="module" src="/dist/page.js"></script>';

/** Serves /dist/ (the page bundle), /ort/ (onnxruntime-web's dist) and /models/ from `root` (bench/peers). */
async function serve(root) {
  const mounts = { '/dist/': join(root, 'dist'), '/ort/': join(root, 'node_modules/onnxruntime-web/dist'), '/models/': join(root, 'models') };
  const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/') {
      res.writeHead(200, { ...headers, 'content-type': MIME['.html'] });
      return res.end(PAGE);
    }
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const rest = prefix && normalize(path.slice(prefix.length));
    const file = rest && !rest.startsWith('..') ? join(mounts[prefix], rest) : undefined;
    const info = file && (await stat(file).catch(() => undefined));
    if (!info?.isFile()) {
      res.writeHead(404, headers);
      return res.end();
    }
    res.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The page's host (host.mjs) behind page.evaluate, plus the browser's version and a close(). */
export async function chromiumHost({ root, log }) {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  page.on('pageerror', (e) => log(`[chromium] page error: ${e.message}`));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && log(`[chromium] console ${m.type()}: ${m.text()}`));
  page.on('crash', () => log('[chromium] the page crashed'));
  await page.goto(server.url);
  await page.waitForFunction(() => 'peerBench' in window, undefined, { timeout: 60_000 });
  if (!(await page.evaluate(() => window.peerBench.crossOriginIsolated()))) throw new Error('the page is not cross-origin isolated: ORT wasm would run single-threaded');
  const call = (method, ...args) => page.evaluate(([m, a]) => window.peerBench[m](...a), [method, args]);
  const host = {};
  for (const m of ['list', 'adapters', 'prepare', 'check', 'profile', 'destroy']) host[m] = (...args) => call(m, ...args);
  host.run = async (w, id) => {
    const c0 = descendantsCpuMs();
    const t = await call('run', w, id);
    return { ...t, cpuMs: descendantsCpuMs() - c0 };
  };
  return {
    host,
    version: browser.version(),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
