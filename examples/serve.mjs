// Serves the examples and the built SDK on localhost:
//   /dist/…      the build output (npm run build)
//   /…           examples/ (the marketplace demo is /marketplace/)
//   BUNDLES      browser files bundled by esbuild when requested (the React example)
// Run: npm start   (builds first). PORT=8080 npm start picks another port.
// Tests import `serve()` to get the same server with extra headers on a random port.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** URL paths answered by bundling an entry point (relative to the repository) on each request. */
const BUNDLES = new Map([['/react/main.js', 'examples/react/main.jsx']]);

/** Bundles one entry point for the browser, in memory: { status, type, body }. */
async function bundle(entry) {
  try {
    const result = await build({
      entryPoints: [join(ROOT, entry)],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      minify: true,
      logLevel: 'silent',
    });
    return { status: 200, type: TYPES['.js'], body: result.outputFiles[0].contents };
  } catch (e) {
    return { status: 500, type: 'text/plain; charset=utf-8', body: `Could not bundle ${entry}:\n${e.message}` };
  }
}

/** Maps a URL path to a file under the repository, or null when it points outside the served folders. */
function resolvePath(pathname) {
  const decoded = decodeURIComponent(pathname);
  const base = decoded.startsWith('/dist/') ? ROOT : join(ROOT, 'examples');
  const file = normalize(join(base, decoded));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  return decoded.endsWith('/') ? join(file, 'index.html') : file;
}

/**
 * Starts the server. `headers(url)` may add response headers (tests add CSP this way);
 * `routes` may answer chosen paths themselves ({ status, type, body, headers } or { drop: true }),
 * with an object or a function of (request, url); `html(body, url)` may rewrite every HTML page;
 * `onRequest(request, url)` hears every request.
 * Resolves to { url, close() }.
 */
export function serve({ port = 0, host = '127.0.0.1', headers = () => ({}), routes = {}, html, onRequest } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    onRequest?.(req, url);
    const extra = { 'Cache-Control': 'no-store', ...headers(url) };
    const isHtml = (type) => html && /^text\/html/.test(type ?? '');
    const entry = BUNDLES.get(url.pathname);
    const route = routes[url.pathname] ?? (entry && (() => bundle(entry)));
    if (route) {
      const answer = typeof route === 'function' ? await route(req, url) : route;
      // `drop` plays a network failure: the connection closes without an answer.
      if (answer.drop) return void req.socket.destroy();
      res.writeHead(answer.status ?? 200, { 'Content-Type': answer.type ?? 'application/json', ...extra, ...answer.headers });
      return res.end(isHtml(answer.type) ? html(String(answer.body), url) : answer.body);
    }
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/marketplace/' });
      return res.end();
    }
    const file = resolvePath(url.pathname);
    const info = file && (await stat(file).catch(() => null));
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      return res.end('Not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, ...extra });
    if (isHtml(type)) return res.end(html(await readFile(file, 'utf8'), url));
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ url: `http://${host}:${address.port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ port: Number(process.env.PORT ?? 5173) });
  console.log(`Inkling demo: ${url}/marketplace/  (Ctrl+C to stop)`);
}
