import { describe, expect, it } from 'vitest';
import { getContext } from '../../src/tracker/getContext';
import type { Signal } from '../../src/types/signal';

const NOON = new Date(2026, 5, 1, 12, 30);
const PAGE = 'https://shop.example/tents/alpine?colour=red';

/** A window whose media queries match the given list, at the given page URL. */
function fakeWin(matching: string[] = [], href = PAGE): Window {
  const matchMedia = (query: string) => ({ matches: matching.includes(query) }) as MediaQueryList;
  return { location: { href }, matchMedia } as unknown as Window;
}
const fakeDoc = (referrer: string) => ({ referrer }) as Document;

const classOf = (signals: Signal[], kind: string) => signals.find((s) => s.topic === kind)?.action;
const referrerClass = (referrer: string, href = PAGE) => classOf(getContext(NOON, fakeDoc(referrer), fakeWin([], href)), 'referrer');
const deviceClass = (win: Window) => classOf(getContext(NOON, fakeDoc(''), win), 'device');

describe('getContext', () => {
  it('returns one context signal per kind, with the class as action', () => {
    const signals = getContext(NOON, fakeDoc(''), fakeWin());
    expect(signals).toEqual([
      { signal: 'context', topic: 'device', action: 'desktop', value: 1, at: NOON.getTime() },
      { signal: 'context', topic: 'hour', action: '12', value: 1, at: NOON.getTime() },
      { signal: 'context', topic: 'referrer', action: 'direct', value: 1, at: NOON.getTime() },
    ]);
  });

  it('takes the local hour from the given date', () => {
    expect(classOf(getContext(new Date(2026, 0, 1, 0, 5), fakeDoc(''), fakeWin()), 'hour')).toBe('0');
    expect(classOf(getContext(new Date(2026, 0, 1, 23, 59), fakeDoc(''), fakeWin()), 'hour')).toBe('23');
  });

  it.each([
    ['', 'direct'],
    ['https://shop.example/bikes', 'internal'],
    ['https://www.google.com/', 'search'],
    ['https://www.google.co.uk/search?q=alpine+tent', 'search'],
    ['https://www.bing.com/search?q=tent', 'search'],
    ['https://duckduckgo.com/', 'search'],
    ['https://search.yahoo.co.jp/', 'search'],
    ['https://yandex.ru/', 'search'],
    ['https://search.brave.com/search?q=tent', 'search'],
    ['https://m.facebook.com/', 'social'],
    ['https://t.co/abc123', 'social'],
    ['https://x.com/someone/status/1', 'social'],
    ['https://old.reddit.com/r/camping/', 'social'],
    ['https://www.pinterest.co.uk/pin/1/', 'social'],
    ['https://mastodon.social/@someone', 'social'],
    ['https://lnkd.in/xyz', 'social'],
    ['https://blog.example.org/best-tents', 'other'],
    ['https://microsoft.co/', 'other'], // ends in "t.co", but is not t.co
    ['https://notgoogle.com/', 'other'],
    ['https://box.com/', 'other'], // ends in "x.com"
    ['android-app://com.google.android.gm/', 'other'],
    ['not a url', 'other'],
  ])('classifies referrer %j as %s', (referrer, expected) => {
    expect(referrerClass(referrer)).toBe(expected);
  });

  it('counts a subdomain of the page as other than internal (same hostname only)', () => {
    expect(referrerClass('https://blog.shop.example/')).toBe('other');
  });

  it('classifies a campaign URL as campaign, whatever the referrer', () => {
    expect(referrerClass('https://www.google.com/', 'https://shop.example/?utm_source=news&utm_medium=email')).toBe('campaign');
    expect(referrerClass('', 'https://shop.example/?UTM_CAMPAIGN=spring')).toBe('campaign');
    expect(referrerClass('https://m.facebook.com/', 'https://shop.example/?fbclid=abc')).toBe('campaign');
    expect(referrerClass('https://shop.example/', 'https://shop.example/tents?gclid=xyz')).toBe('campaign');
    expect(referrerClass('', 'https://shop.example/?utmost=1')).toBe('direct');
  });

  it('works from the real document and window', () => {
    const signals = getContext();
    expect(signals.map((s) => s.topic)).toEqual(['device', 'hour', 'referrer']);
    expect(signals.every((s) => s.signal === 'context' && s.value === 1 && typeof s.action === 'string')).toBe(true);
  });

  it.each([
    ['https://www.google.co.uk/search?q=secret-diagnosis&client=firefox', ['google', 'co.uk', '/search', 'secret', 'diagnosis', 'client', 'firefox', 'http']],
    ['https://blog.example.org/best-tents?ref=42', ['blog', 'example', 'best-tents', 'ref=42', 'http']],
  ])('never returns any part of the referrer %s', (referrer, parts) => {
    const fields = getContext(NOON, fakeDoc(referrer), fakeWin()).flatMap((s) => Object.values(s)).filter((v) => typeof v === 'string');
    for (const field of fields) for (const part of parts) expect(field).not.toContain(part);
  });

  it('classifies devices from media queries', () => {
    const coarse = '(pointer: coarse)';
    const narrow = '(max-width: 767px)';
    const medium = '(max-width: 1199px)';
    expect(deviceClass(fakeWin([coarse, narrow, medium]))).toBe('mobile');
    expect(deviceClass(fakeWin([coarse, medium]))).toBe('tablet');
    expect(deviceClass(fakeWin([coarse]))).toBe('desktop');
    // A fine pointer is a desktop however narrow the window.
    expect(deviceClass(fakeWin([narrow, medium]))).toBe('desktop');
  });

  it('is desktop without a touch screen, without asking a media query', () => {
    let asked = 0;
    const win = { location: { href: PAGE }, navigator: { maxTouchPoints: 0 }, matchMedia: () => (asked++, { matches: true }) } as unknown as Window;
    expect(deviceClass(win)).toBe('desktop');
    expect(asked).toBe(0);
    const touch = { ...win, navigator: { maxTouchPoints: 5 } } as unknown as Window;
    expect(deviceClass(touch)).toBe('mobile');
    expect(asked).toBeGreaterThan(0);
  });

  it('is desktop without matchMedia, or when it throws, and never reads the user agent', () => {
    const noMatchMedia = { location: { href: PAGE } } as unknown as Window;
    expect(deviceClass(noMatchMedia)).toBe('desktop');
    const throwing = {
      location: { href: PAGE },
      matchMedia: () => {
        throw new Error('nope');
      },
    } as unknown as Window;
    expect(deviceClass(throwing)).toBe('desktop');
    const mobileUa = { ...fakeWin([]), navigator: { userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari' } } as unknown as Window;
    expect(deviceClass(mobileUa)).toBe('desktop');
  });
});
