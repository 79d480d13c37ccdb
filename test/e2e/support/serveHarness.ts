import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { serve } from '../../../examples/serve.mjs';
import { PAGE_SCRIPTS, pageScriptSource, type PageScript } from './pageScripts';

/** A request the server saw. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/** The example server as the e2e scenarios use it. */
export interface HarnessServer {
  url: string;
  /** Every request so far, oldest first: what a page fetched, seen from the server in every engine. */
  requests: SeenRequest[];
  /** Page scripts put into every page from now on, besides those the URL asks for. */
  use: PageScript[];
  close(): Promise<void>;
}

type ServeOptions = NonNullable<Parameters<typeof serve>[0]>;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The example server (examples/serve.mjs) with the test harness: every HTML page gets the page
 * scripts it asks for with `?harness=a,b` (and the server's `use` list) at the top of its <head>,
 * `/__harness/<name>.js` serves them, `/__harness/axe.js` serves axe-core, and every request is logged.
 */
export async function serveHarness(options: Omit<ServeOptions, 'html' | 'onRequest'> = {}): Promise<HarnessServer> {
  const requests: SeenRequest[] = [];
  const harness: Record<string, unknown> = { '/__harness/axe.js': { type: 'text/javascript', body: AXE } };
  for (const name of Object.keys(PAGE_SCRIPTS) as PageScript[]) harness[`/__harness/${name}.js`] = { type: 'text/javascript', body: pageScriptSource(name) };
  const state = {
    use: [] as PageScript[],
  };
  const html = (body: string, url: URL) => {
    const asked = (url.searchParams.get('harness') ?? '').split(',').filter((n): n is PageScript => n in PAGE_SCRIPTS);
    const names = ['problems', ...new Set([...state.use, ...asked])];
    const tags = names.map((n) => `<script src="/__harness/${n}.js"></script>`).join('');
    return /<head[^>]*>/i.test(body) ? body.replace(/<head[^>]*>/i, (head) => head + tags) : tags + body;
  };
  const server = await serve({
    ...options,
    routes: { ...harness, ...options.routes },
    html,
    onRequest: (req: IncomingMessage, url: URL) => void requests.push({ path: url.pathname, headers: req.headers }),
  });
  return {
    url: server.url,
    requests,
    get use() {
      return state.use;
    },
    set use(names) {
      state.use = names;
    },
    close: server.close,
  };
}
