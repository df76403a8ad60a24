#!/usr/bin/env node
// A static file server for the demo page (web/) and what it fetches: the bundles (dist/),
// the demo weights and vocabulary (weights/) and the example images (examples/).
// Localhost only; only those folders are served (no dotfiles, no paths out of them), so
// the repository's other files and the rest of the disk stay private. Tests add mounts
// (e.g. the fixtures) through startServer().
//
//   node scripts/serve.mjs [--port 8080]    then open http://localhost:8080/
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** URL prefix -> folder. */
export const DEFAULT_MOUNTS = {
  '/web/': join(ROOT, 'web'),
  '/dist/': join(ROOT, 'dist'),
  '/weights/': join(ROOT, 'weights'),
  '/examples/': join(ROOT, 'examples'),
};

/** The file a URL path names, or undefined when it is outside every mount. */
async function locate(mounts, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
  if (!prefix) return undefined;
  const rest = path.slice(prefix.length);
  if (rest.split('/').some((part) => part.startsWith('.'))) return undefined; // .., dotfiles
  const base = await realpath(mounts[prefix]).catch(() => undefined);
  if (!base) return undefined;
  let file = resolve(base, rest);
  // Symlinks may not lead out of the mount either.
  file = await realpath(file).catch(() => undefined);
  if (!file || (file !== base && !file.startsWith(base + sep))) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return locate(mounts, `${path.replace(/\/?$/, '/')}index.html`);
  return info?.isFile() ? { file, size: info.size } : undefined;
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/** Starts the server; port 0 picks a free one. Resolves with its URL and a close(). */
export async function startServer({ port = 8080, host = '127.0.0.1', mounts = DEFAULT_MOUNTS } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET and HEAD');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/web') {
      res.writeHead(302, { location: '/web/' });
      return res.end();
    }
    const found = await locate(mounts, url.pathname);
    if (!found) return send(res, 404, `not found: ${url.pathname}`);
    res.writeHead(200, {
      'content-type': MIME[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const { port: bound } = server.address();
  return { url: `http://${host}:${bound}`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be a port number, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  const { url } = await startServer({ port }).catch((e) => {
    console.error(`serve: cannot listen on localhost:${port}: ${e.message}${e.code === 'EADDRINUSE' ? ' (in use: pass --port N)' : ''}`);
    process.exit(1);
  });
  console.log(`serving the demo at ${url}/ (Ctrl-C to stop); run npm run build first if dist/ is missing`);
}
