import { ACTIVITY_POLL_MAX_MS, ACTIVITY_SETTLE_MS } from '../constants';
import { listen } from './listen';

/** The inputs that show the visitor is there: each one but `pointermove` may also move the page. */
const INPUTS = 'pointerdown pointermove keydown wheel touchstart scroll';

/**
 * Called once a burst of input has settled, with the `performance.now()` of the last moment the
 * visitor was seen active, and whether the page may have moved (scrolled, or anything but the
 * pointer merely moving) since the last call.
 */
export type ActivityListener = (activeAt: number, moved: boolean) => void;

const listeners = new Set<ActivityListener>();
let unlisten: (() => void) | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let activeAt = 0;
let moved = false;
let scroller: Element | undefined;
let position = '';
let wait = ACTIVITY_SETTLE_MS;

const arm = () => {
  unlisten = listen(document, INPUTS, onInput);
};
// Reading scroll offsets after scrolling needs no new layout.
const where = () => `${scrollX},${scrollY},${scroller?.scrollTop}`;

/** Still scrolling: check again later, and less often. Still: tell the listeners and listen again. */
const check = () => {
  const now = where();
  if (now !== position) {
    position = now;
    moved = true;
    activeAt = performance.now();
    // A short burst is seen to end as soon as before; a long one is looked at less often.
    timer = setTimeout(check, wait);
    wait = Math.min(wait * 2, ACTIVITY_POLL_MAX_MS);
    return;
  }
  timer = undefined;
  arm();
  listeners.forEach((fn) => fn(activeAt, moved));
};
function onInput({ type, target }: Event) {
  // The first input of a burst takes the listeners off: the rest of the burst costs nothing.
  unlisten?.();
  unlisten = undefined;
  activeAt = performance.now();
  moved = type !== 'pointermove';
  scroller = type === 'scroll' && target instanceof Element ? target : undefined;
  position = where();
  wait = ACTIVITY_SETTLE_MS;
  timer = setTimeout(check, wait);
}

/**
 * Calls `fn` when a burst of input (scrolling, wheeling, typing, touching, pointing) has settled.
 * The first input removes the (passive, capturing) listeners; `ACTIVITY_SETTLE_MS` later the
 * scroll offsets are compared, then again after as long, then twice as long each time they have
 * moved (up to `ACTIVITY_POLL_MAX_MS`), and once they stand still every subscriber runs once and
 * the listeners go back. Seven seconds of continuous scrolling cost one listener call and eight
 * timers, not hundreds of calls and a layout read per frame, which is what keeps scrolling
 * within its budget (DESIGN.md section 7). The price: a long burst is known to be over up to
 * twice `ACTIVITY_POLL_MAX_MS` after it ends, and `activeAt` (the look that last saw the page
 * move) may come up to `ACTIVITY_POLL_MAX_MS` after the last input. One set of listeners serves
 * every subscriber. Returns an unsubscribe function.
 *
 * @example
 * const stop = onActivity((activeAt, moved) => moved && measure());
 */
export function onActivity(fn: ActivityListener): () => void {
  listeners.add(fn);
  if (!unlisten && timer === undefined) arm();
  return () => {
    listeners.delete(fn);
    if (listeners.size > 0) return;
    unlisten?.();
    unlisten = undefined;
    clearTimeout(timer);
    timer = undefined;
  };
}
