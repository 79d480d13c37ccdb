// Scripts the test server puts at the top of a page's <head>, before any of the page's own, in
// every engine alike. They stand in for per-engine features such as Playwright's addInitScript,
// page.workers() or download events. Each runs as a classic same-origin script, which every CSP
// the tests use allows. Named by the `harness` query parameter (`?harness=events,gpc`) or by the
// server's defaults; `problems` is always first.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Where `problems` keeps what it saw, for the whole tab (it survives navigations). */
export const PROBLEMS_KEY = '__harness:problems';

type Win = Window & typeof globalThis & Record<string, any>;

export const PAGE_SCRIPTS = {
  /**
   * console.warn / console.error calls, uncaught errors, failed element loads and CSP violations:
   * the in-page view of the console, for drivers that cannot listen to it (WebDriver classic).
   * CSP violations also go to `window.__violations` for this page alone.
   */
  problems: (key: string) => {
    const w = window as Win;
    const read = () => JSON.parse(sessionStorage.getItem(key) ?? '{"pageErrors":[],"consoleErrors":[],"warnings":[]}');
    const add = (kind: string, text: string) => {
      const all = read();
      all[kind].push(text);
      sessionStorage.setItem(key, JSON.stringify(all));
    };
    for (const [method, kind] of [['warn', 'warnings'], ['error', 'consoleErrors']] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        add(kind, args.map(String).join(' '));
        original.apply(console, args);
      };
    }
    w.__violations = [];
    addEventListener('error', (e) => {
      const target = e.target as HTMLElement & { src?: string; href?: string };
      if (target && target !== (window as unknown) && 'tagName' in target) add('consoleErrors', `Failed to load ${target.src || target.href}`);
      else add('pageErrors', String((e as ErrorEvent).error ?? (e as ErrorEvent).message));
    }, true);
    addEventListener('unhandledrejection', (e) => add('pageErrors', String(e.reason)));
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      add('consoleErrors', `CSP: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  },

  /** Every `error`, `segmentchange` and `ready` event of the script tag's instance, in `window.__events`, from the moment it exists. */
  events: () => {
    const w = window as Win;
    w.__events = [];
    Object.defineProperty(window, 'inkling', {
      configurable: true,
      get: () => w.__inkling,
      set(instance) {
        w.__inkling = instance;
        if (typeof instance?.on !== 'function') return; // the command queue, before the SDK loads
        for (const type of ['error', 'segmentchange', 'ready']) instance.on(type, (detail: unknown) => w.__events.push({ type, detail }));
      },
    });
  },

  /** Each Worker the page starts, in `window.__workers`: its URL, and whether it ever answered. */
  workers: () => {
    const w = window as Win;
    const Original = w.Worker;
    if (!Original) return;
    const started: { url: string; answered: boolean; terminated: boolean }[] = (w.__workers = []);
    w.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const entry = { url: String(url), answered: false, terminated: false };
        started.push(entry);
        this.addEventListener('message', () => void (entry.answered = true));
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          entry.terminated = true;
          terminate();
        };
      }
    };
  },

  /** A visitor who has Global Privacy Control switched on. */
  gpc: () => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
  },

  /**
   * A browser that refuses the site storage (all cookies blocked): reading `localStorage` throws,
   * and so does `indexedDB.open`, in the page and in every worker it starts (a prelude runs before
   * the worker's own script).
   */
  'no-storage': () => {
    const w = window as Win;
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(w, 'localStorage', { configurable: true, get: refuse });
    IDBFactory.prototype.open = refuse;
    const Original = w.Worker;
    w.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        const prelude = `IDBFactory.prototype.open = ${refuse.toString()}; importScripts(${JSON.stringify(new URL(String(url), location.href).href)});`;
        super(URL.createObjectURL(new Blob([prelude], { type: 'text/javascript' })), options);
      }
    };
  },

  /** A browser without Web Workers. */
  'no-worker': () => {
    delete (window as Partial<Win>).Worker;
  },

  /** An engine without constructable stylesheets' replaceSync (Safari before 16.4). */
  'no-replace-sync': () => {
    CSSStyleSheet.prototype.replaceSync = () => {
      throw new TypeError('not supported');
    };
  },

  /** An engine without CSSStyleSheet at all. */
  'no-cssstylesheet': () => {
    (window as Partial<Win>).CSSStyleSheet = undefined;
  },

  /**
   * What the visitor sees on every frame for 2.5 s from the first, in `window.__frames`: each
   * slot's visible variants, its visibility and height, the <html> segment, where the first
   * topic element starts (layout shift), and the time.
   */
  frames: () => {
    const w = window as Win;
    const frames: unknown[] = (w.__frames = []);
    const start = performance.now();
    const probe = () => {
      const slots: Record<string, unknown> = {};
      for (const slot of document.querySelectorAll<HTMLElement>('[data-inkling-slot]')) {
        slots[slot.getAttribute('data-inkling-slot')!] = {
          visible: [...slot.querySelectorAll(':scope > [data-inkling-variant]')].filter((v) => getComputedStyle(v).display !== 'none').map((v) => v.getAttribute('data-inkling-variant')),
          visibility: getComputedStyle(slot).visibility,
          height: slot.getBoundingClientRect().height,
        };
      }
      const topic = document.querySelector('[data-inkling-topic]');
      if (Object.keys(slots).length > 0) frames.push({ t: performance.now() - start, html: document.documentElement.getAttribute('data-inkling-segment'), slots, topicTop: topic?.getBoundingClientRect().top });
      if (performance.now() - start < 2500) requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
  },

  /**
   * Downloads started by clicking an `<a download>`, in `window.__downloads` (file name and text),
   * instead of a file saved to disk.
   */
  downloads: () => {
    const w = window as Win;
    const blobs = new Map<string, Blob>();
    const downloads: { name: string; text?: string }[] = (w.__downloads = []);
    const create = URL.createObjectURL;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.hasAttribute('download')) return click.call(this);
      const entry: { name: string; text?: string } = { name: this.download };
      downloads.push(entry);
      void blobs.get(this.href)?.text().then((text) => (entry.text = text));
    };
  },

  /** `performance.now()` that a test can move forward (`window.__skipTime(ms)`): a minute of reading takes no real minute. */
  'skip-time': () => {
    const w = window as Win;
    const now = performance.now.bind(performance);
    let skipped = 0;
    performance.now = () => now() + skipped;
    w.__skipTime = (ms: number) => void (skipped += ms);
  },
} satisfies Record<string, (key: string) => void>;

/** The name of a page script. */
export type PageScript = keyof typeof PAGE_SCRIPTS;

/** The served source of a page script. */
export function pageScriptSource(name: PageScript): string {
  return `(${PAGE_SCRIPTS[name].toString()})(${JSON.stringify(PROBLEMS_KEY)});\n`;
}
