import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackPageViews } from '../../src/tracker/trackPageViews';
import type { Signal } from '../../src/types/signal';

const nativePush = history.pushState;
const nativeReplace = history.replaceState;

let stop: (() => void) | undefined;
let seen: Signal[] = [];
const views = () => seen.filter((s) => s.signal === 'view').map((s) => s.topic);
const record = (s: Signal) => seen.push(s);
/** Lets the microtask that reads the topic run. */
const settle = () => new Promise((r) => setTimeout(r));
const setBodyTopic = (topic: string) => document.body.setAttribute('data-inkling-topic', topic);

beforeEach(() => {
  seen = [];
  nativeReplace.call(history, null, '', '/');
  setBodyTopic('home');
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.unstubAllGlobals();
  history.pushState = nativePush;
  history.replaceState = nativeReplace;
  document.body.removeAttribute('data-inkling-topic');
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('trackPageViews', () => {
  it('pushes the page load view with the <body> topic', () => {
    stop = trackPageViews(record);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ signal: 'view', topic: 'home', value: 1 });
    expect(typeof seen[0]?.at).toBe('number');
  });

  it('falls back to the <meta name="inkling:topic"> topic', () => {
    document.body.removeAttribute('data-inkling-topic');
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'inkling:topic');
    meta.setAttribute('content', 'tents');
    document.head.append(meta);
    stop = trackPageViews(record);
    expect(views()).toEqual(['tents']);
  });

  it('counts pushState to a new path, with the topic the router sets after the call', async () => {
    stop = trackPageViews(record);
    history.pushState({ id: 1 }, '', '/tents');
    setBodyTopic('tents'); // same task, after the URL change, as routers do
    await settle();
    expect(location.pathname).toBe('/tents');
    expect(history.state).toEqual({ id: 1 });
    expect(views()).toEqual(['home', 'tents']);
  });

  it('counts a change of the query string', async () => {
    stop = trackPageViews(record);
    history.replaceState(null, '', '/?page=2');
    await settle();
    expect(views()).toEqual(['home', 'home']);
  });

  it('does not count hash-only or state-only changes', async () => {
    stop = trackPageViews(record);
    history.replaceState(null, '', '#reviews');
    await settle();
    history.pushState(null, '', '#specs');
    await settle();
    history.replaceState({ scroll: 10 }, '');
    await settle();
    expect(location.hash).toBe('#specs');
    expect(views()).toEqual(['home']);
  });

  it('counts one view when a router pushes and then replaces in the same task', async () => {
    stop = trackPageViews(record);
    history.pushState(null, '', '/tents');
    history.replaceState(null, '', '/tents?sort=price');
    await settle();
    expect(views()).toEqual(['home', 'home']);
  });

  it('counts popstate that lands on another path, not one that stays', async () => {
    stop = trackPageViews(record);
    nativePush.call(history, null, '', '/bikes'); // the browser changed the URL (back/forward)
    setBodyTopic('bikes');
    dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(views()).toEqual(['home', 'bikes']);
  });

  it('counts a return from the back/forward cache as a view, as a reload would be', () => {
    stop = trackPageViews(record);
    dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
    setBodyTopic('home-restored'); // read again, as on a load
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true })); // Back, restored
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false })); // a load's own pageshow is no second view
    expect(views()).toEqual(['home', 'home-restored']);
  });

  it('calls onNewView before pushing each new view, not for the page load', async () => {
    const order: string[] = [];
    stop = trackPageViews(
      (s) => order.push(`view:${s.topic}`),
      () => order.push('onNewView'),
    );
    expect(order).toEqual(['view:home']);
    history.pushState(null, '', '/tents');
    setBodyTopic('tents');
    await settle();
    expect(order).toEqual(['view:home', 'onNewView', 'view:tents']);
  });

  it('passes this, arguments and the return value through, even when its own code fails', async () => {
    const calls: unknown[][] = [];
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      calls.push([this, ...args]);
      nativePush.apply(this, args);
      return 'from-original' as unknown as void;
    };
    stop = trackPageViews(record);
    vi.stubGlobal('queueMicrotask', () => {
      throw new Error('broken');
    });
    const result = history.pushState({ id: 2 }, '', '/broken');
    expect(result).toBe('from-original');
    expect(calls).toEqual([[history, { id: 2 }, '', '/broken']]);
    expect(location.pathname).toBe('/broken');
    vi.unstubAllGlobals();
    history.pushState(null, '', '/mended');
    await settle();
    expect(views()).toEqual(['home', 'home']); // the failure did not stop later views
  });

  it('lets an exception from the original method reach the caller, as without us', () => {
    const failure = new DOMException('cross-origin', 'SecurityError');
    history.replaceState = () => {
      throw failure;
    };
    stop = trackPageViews(record);
    expect(() => history.replaceState(null, '', 'https://elsewhere.example/')).toThrow(failure);
  });

  it('restores the original methods on stop and counts nothing after', async () => {
    stop = trackPageViews(record);
    expect(history.pushState).not.toBe(nativePush);
    expect(history.replaceState).not.toBe(nativeReplace);
    stop();
    expect(history.pushState).toBe(nativePush);
    expect(history.replaceState).toBe(nativeReplace);
    history.pushState(null, '', '/after');
    dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(views()).toEqual(['home']);
  });

  it('leaves a wrapper added after it in place on stop, and ours then just calls through', async () => {
    stop = trackPageViews(record);
    const ours = history.pushState;
    const theirCalls: string[] = [];
    const theirs = function (this: History, ...args: Parameters<History['pushState']>) {
      theirCalls.push(String(args[2]));
      return ours.apply(this, args);
    };
    history.pushState = theirs;
    stop();
    expect(history.pushState).toBe(theirs);
    expect(history.replaceState).toBe(nativeReplace);
    history.pushState(null, '', '/later');
    await settle();
    expect(theirCalls).toEqual(['/later']);
    expect(location.pathname).toBe('/later');
    expect(views()).toEqual(['home']);
  });
});
