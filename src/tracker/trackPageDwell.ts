import { onHidden } from '../lib/onHidden';
import type { Signal } from '../types/signal';

const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'];

/**
 * Records visible, active time on the page as a `dwell` signal in seconds, when the page is hidden
 * or unloaded and when stopped. The clock pauses while the tab is hidden, after `idleMs` without
 * input, while prerendering and while the page sits in the back/forward cache. Returns a stop function.
 */
export function trackPageDwell(push: (signal: Signal) => void, topic: string | undefined, idleMs = 30_000): () => void {
  const doc = document as Document & { prerendering?: boolean };
  let prerendering = doc.prerendering === true;
  let unloaded = false; // between pagehide and a bfcache pageshow
  let counted = 0; // ms since the last emit
  let since: number | undefined; // set while the clock runs
  let lastInput = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Never past the idle deadline, in case the page is hidden before a late idle timer fires.
  const pause = (at = Math.min(performance.now(), lastInput + idleMs)) => {
    clearTimeout(timer);
    timer = undefined;
    if (since === undefined) return;
    counted += Math.max(0, at - since);
    since = undefined;
  };

  // Input since the timer was armed pushes the deadline on; otherwise the visitor left at lastInput + idleMs.
  const onDeadline = () => {
    const deadline = lastInput + idleMs;
    const now = performance.now();
    if (now < deadline) timer = setTimeout(onDeadline, deadline - now);
    else pause();
  };

  const resume = () => {
    if (since !== undefined || unloaded || prerendering || document.visibilityState !== 'visible') return;
    since = lastInput = performance.now();
    timer = setTimeout(onDeadline, idleMs);
  };

  const onInput = () => {
    lastInput = performance.now();
    if (since === undefined) resume();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') resume();
    else pause();
  };
  const onPageHide = () => {
    unloaded = true;
    pause();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    unloaded = false;
    resume();
  };
  const onActivated = () => {
    prerendering = false;
    resume();
  };

  const emit = () => {
    // Fold the running stretch in without stopping the clock, whichever listener runs first.
    if (since !== undefined) {
      const now = performance.now();
      counted += Math.max(0, now - since);
      since = now;
    }
    const seconds = Math.round(counted / 100) / 10;
    // Under 0.05 s stays in the count for next time rather than being sent as 0.
    if (seconds <= 0) return;
    counted = 0;
    push({ signal: 'dwell', topic, value: seconds, at: Date.now() });
  };

  const listen = { capture: true, passive: true };
  for (const type of INPUTS) document.addEventListener(type, onInput, listen);
  document.addEventListener('visibilitychange', onVisibility, true);
  addEventListener('pagehide', onPageHide, true);
  addEventListener('pageshow', onPageShow, true);
  if (prerendering) document.addEventListener('prerenderingchange', onActivated, { once: true });
  const offHidden = onHidden(emit);
  resume();

  return () => {
    for (const type of INPUTS) document.removeEventListener(type, onInput, true);
    document.removeEventListener('visibilitychange', onVisibility, true);
    removeEventListener('pagehide', onPageHide, true);
    removeEventListener('pageshow', onPageShow, true);
    document.removeEventListener('prerenderingchange', onActivated);
    offHidden();
    pause();
    emit();
  };
}
