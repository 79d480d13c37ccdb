// The engine-neutral driver: the only browser surface the e2e scenarios use. Each engine
// implements it once (chromium.ts, firefox.ts, webkit.ts); the scenarios never see which library
// drives the browser. Anything a scenario needs beyond this is done in the page (evaluate) or by
// the test server (see support/harness.ts), so that it works the same way in every engine.

/** The engines the e2e scenarios run in. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** Something an engine (or its driver) cannot do here, and why. */
export type Capability = 'console' | 'narrowViewport';

/** Everything a page reported that a visitor's console would show as a problem. */
export interface PageProblems {
  /** Uncaught exceptions. */
  pageErrors: string[];
  /** `console.error` messages (with the browser's own, e.g. failed loads, where the engine reports them). */
  consoleErrors: string[];
  /** `console.warn` messages. */
  warnings: string[];
}

/** How a new browser profile looks to its pages. */
export interface SessionOptions {
  /** The layout viewport in CSS pixels (default 1280 × 800). */
  viewport?: { width: number; height: number };
  /** `prefers-color-scheme` (default light). */
  colorScheme?: 'light' | 'dark';
  /** `prefers-reduced-motion` (default no-preference). */
  reducedMotion?: 'reduce' | 'no-preference';
}

/** When `goto` and `reload` return. */
export type WaitUntil = 'load' | 'domcontentloaded';

/** Keys that `press` knows: one key, or a modifier and a key joined by `+`. */
export type KeyName = 'Enter' | 'Tab' | 'Shift+Tab' | 'Escape' | ' ';

/** One tab (a top-level page) of a session. */
export interface Tab {
  /** Navigates and waits for `load` (or DOMContentLoaded). */
  goto(url: string, waitUntil?: WaitUntil): Promise<void>;
  /** Reloads and waits for `load`. */
  reload(): Promise<void>;
  /** The address of the document now shown. */
  url(): Promise<string>;
  /**
   * Runs `fn(arg)` in the page and returns its (awaited, JSON-like) result. `fn` is sent as
   * source text: it may use only its argument and the page's globals.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Real pointer input on the element that `find(arg)` returns in the page, through the driver's
   * own element click (it scrolls the element into view and clicks it where it is at that moment).
   */
  clickElement(find: (arg: { selector?: string; button?: string; nth: number }) => Element | null, arg: { selector?: string; button?: string; nth: number }): Promise<void>;
  /** Real pointer input: moves the mouse to viewport coordinates. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Real wheel input at the mouse position, scrolling by `deltaY` pixels. */
  wheel(deltaY: number): Promise<void>;
  /** Real keyboard input to the focused element. */
  press(key: KeyName): Promise<void>;
  /** Makes this the tab in front, with focus. */
  bringToFront(): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Problems reported since the tab opened, over every navigation. */
  problems(): Promise<PageProblems>;
  /** Closes the tab as a visitor would (its `pagehide` runs). */
  close(): Promise<void>;
}

/** A fresh browser profile: its own IndexedDB, localStorage and cache, shared by its tabs. */
export interface Session {
  /** Opens a new tab in this profile. */
  newTab(): Promise<Tab>;
  /** Closes every tab and forgets the profile. */
  close(): Promise<void>;
}

/** One browser engine, launched. */
export interface Engine {
  name: EngineName;
  /** The browser's product name and version, as it reports it. */
  version: string;
  /** What this engine cannot do here, with the reason (none means it can). */
  cannot: Partial<Record<Capability, string>>;
  /** Starts a fresh profile. */
  newSession(options?: SessionOptions): Promise<Session>;
  /** Closes the browser and everything it started. */
  close(): Promise<void>;
}
