import type { Signal } from '../types/signal';

/** Hosts of well-known search engines. A trailing dot matches any country domain (`google.co.uk`). */
const SEARCH_HOSTS: readonly string[] = [
  'google.', 'bing.com', 'duckduckgo.com', 'yahoo.', 'baidu.com', 'yandex.',
  'ecosia.org', 'qwant.com', 'startpage.com', 'search.brave.com',
];
/** Hosts of well-known social sites, matched the same way. */
const SOCIAL_HOSTS: readonly string[] = [
  'facebook.com', 'instagram.com', 't.co', 'twitter.com', 'x.com', 'linkedin.com', 'lnkd.in',
  'reddit.com', 'pinterest.', 'tiktok.com', 'youtube.com', 'threads.net', 'bsky.app', 'mastodon.',
];
/** Click ids that ad platforms append; they mark a campaign as surely as `utm_*`. */
const CLICK_IDS: readonly string[] = ['gclid', 'fbclid'];

/** Whole-label match: `google.` finds `www.google.de`, `t.co` never matches `microsoft.co`. */
const hostIn = (host: string, list: readonly string[]) =>
  list.some((entry) => (entry.endsWith('.') ? `.${host}`.includes(`.${entry}`) : `.${host}`.endsWith(`.${entry}`)));

function getDevice(win: Window): string {
  // No touch screen: the primary pointer is not coarse. This spares most desktops the page's
  // first media query, which costs about as much as the rest of the context.
  if (win.navigator?.maxTouchPoints === 0 || typeof win.matchMedia !== 'function') return 'desktop';
  try {
    // Media queries, never the user-agent string: a fine primary pointer is a desktop at any width.
    if (!win.matchMedia('(pointer: coarse)').matches) return 'desktop';
    if (win.matchMedia('(max-width: 767px)').matches) return 'mobile';
    if (win.matchMedia('(max-width: 1199px)').matches) return 'tablet';
  } catch {
    // Fall through to the most common class.
  }
  return 'desktop';
}

function getReferrer(doc: Document, win: Window): string {
  let page: URL | undefined;
  try {
    page = new URL(win.location.href);
    for (const key of page.searchParams.keys()) {
      const name = key.toLowerCase();
      if (name.startsWith('utm_') || CLICK_IDS.includes(name)) return 'campaign';
    }
  } catch {
    // An unreadable page URL only loses the campaign and internal classes.
  }
  if (!doc.referrer) return 'direct';
  let host: string;
  try {
    const referrer = new URL(doc.referrer);
    // `android-app://com.google.android.gm/` is an app, not Google search.
    if (referrer.protocol !== 'https:' && referrer.protocol !== 'http:') return 'other';
    host = referrer.hostname.replace(/\.$/, '');
  } catch {
    return 'other';
  }
  if (host === page?.hostname) return 'internal';
  if (hostIn(host, SEARCH_HOSTS)) return 'search';
  if (hostIn(host, SOCIAL_HOSTS)) return 'social';
  return 'other';
}

/**
 * The page load's context as three `context` signals (topic = kind, action = class):
 * `device` (`mobile`, `tablet`, `desktop`), `hour` (local, `'0'`…`'23'`) and `referrer`
 * (`campaign`, `direct`, `internal`, `search`, `social`, `other`). Only the class is kept,
 * never the referrer URL.
 *
 * @example
 * getContext().forEach(buffer.push);
 */
export function getContext(now = new Date(), doc: Document = document, win: Window = window): Signal[] {
  const at = now.getTime();
  const context = (kind: string, value: string): Signal => ({ signal: 'context', topic: kind, action: value, value: 1, at });
  return [
    context('device', getDevice(win)),
    context('hour', String(now.getHours())),
    context('referrer', getReferrer(doc, win)),
  ];
}
