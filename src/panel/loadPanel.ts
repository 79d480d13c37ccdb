import { pageUrl } from '../lib/pageUrl';
import type { explainDecision } from '../model/explainDecision';
import type { exportProfile } from '../model/exportProfile';
import type { Inkling } from '../types/instance';
import type { createMarkupChecker } from './createMarkupChecker';

/** What the panel module (`dist/inkling-panel.js`, entry `src/panel/index.ts`) exports. */
export interface PanelModule {
  openPanel(sdk: Inkling, options: PanelOptions): Promise<void>;
  explainDecision: typeof explainDecision;
  exportProfile: typeof exportProfile;
  createMarkupChecker: typeof createMarkupChecker;
}

/** How the panel is opened. */
export interface PanelOptions {
  /** The slot it was opened from, to explain that slot's variant. */
  slot?: Element;
  /** The element focus returns to when it closes. */
  opener?: Element | null;
  /** Overrides for its strings (i18n). */
  strings?: Record<string, string>;
  /** The page's CSP nonce, for browsers without constructable stylesheets. */
  nonce?: string;
}

/**
 * Loads the panel module (once: the browser keeps a module per URL); a relative `url` resolves
 * against the page, like the other URL options, not against the SDK's own file. The core never imports
 * it: it is its own file, fetched only when a visitor asks "why am I seeing this?" or the page
 * calls `explain()` or `export()`, or at once on a page started with `debug`.
 */
export function loadPanel(url: string): Promise<PanelModule> {
  return Promise.resolve().then(() => import(/* @vite-ignore */ pageUrl(url).href) as Promise<PanelModule>);
}
