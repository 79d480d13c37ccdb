import type { Inkling } from '../types/instance';

/** What the panel module (`dist/inkling-panel.js`) exports. */
export interface PanelModule {
  openPanel(sdk: Inkling, options: PanelOptions): Promise<void>;
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
 * Loads the panel module on first use and opens it. The core never imports the panel: it is
 * its own file, fetched only when a visitor asks "why am I seeing this?".
 */
export async function loadPanel(url: string, sdk: Inkling, options: PanelOptions): Promise<void> {
  const panel = (await import(/* @vite-ignore */ url)) as PanelModule;
  await panel.openPanel(sdk, options);
}
