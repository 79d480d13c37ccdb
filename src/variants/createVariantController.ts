import { ATTR_PAGE_SEGMENT, ATTR_READY, ATTR_SLOT, ATTR_WAIT, ATTR_WHY, DEFAULT_VARIANT, DEFAULT_WAIT_MS, MAX_WAIT_MS, WHY_CLASS } from '../constants';
import { isInViewport } from '../lib/isInViewport';
import { chooseVariant } from './chooseVariant';
import { variantsOf } from './variantsOf';

/** When a new decision reaches content already on screen. */
export type ApplyOn = 'next-view' | 'immediate';

/** Keeps every slot showing the right variant, from the first frame and as markup comes and goes. */
export interface VariantController {
  /** A new decision: shown at once in slots out of view and in waiting slots; elsewhere at once only with `immediate`. */
  show(segment: string, applyOn: ApplyOn): void;
  /** A new page view (single-page-app route): every slot shows the latest decision. */
  newView(): void;
  /** Releases waiting slots: the engine answered, or cannot. */
  release(): void;
  /** Stops watching the markup. */
  stop(): void;
}

/**
 * Starts showing `initial` (the cached decision, or `default`) in every slot, now and in every
 * slot the parser, a framework or infinite scroll adds later: one MutationObserver on
 * `<html>`, registered from `<head>`, sees slot children as they are inserted and fixes their
 * `hidden` before the first paint. No polling. `onParsed` (the development checks of `debug`)
 * gets each slot and its variants whenever they are shown once the document is parsed.
 */
export function createVariantController(initial: string, onParsed?: (slot: Element, variants: Element[]) => void): VariantController {
  let latest = initial;
  let released = initial !== DEFAULT_VARIANT;
  const shown = new WeakMap<Element, string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  const setPage = (segment: string) => document.documentElement.setAttribute(ATTR_PAGE_SEGMENT, segment);
  const ready = (slot: Element) => slot.hasAttribute(ATTR_WAIT) && !slot.hasAttribute(ATTR_READY) && slot.setAttribute(ATTR_READY, '');

  const apply = (slot: Element, segment: string) => {
    const variants = variantsOf(slot);
    // While the parser is still inserting a slot's variants, the slot is checked once it is done (DOMContentLoaded).
    if (onParsed && document.readyState !== 'loading') onParsed(slot, variants);
    const chosen = chooseVariant(variants, segment);
    for (const variant of variants) {
      const hide = variant !== chosen;
      if (variant.hasAttribute('hidden') !== hide) variant.toggleAttribute('hidden', hide);
    }
    shown.set(slot, segment);
  };

  const hold = (slot: Element) => {
    if (released) return void ready(slot);
    const ms = Math.min(Number(slot.getAttribute(ATTR_WAIT)) || DEFAULT_WAIT_MS, MAX_WAIT_MS);
    const timer = setTimeout(() => {
      timers.delete(timer);
      ready(slot);
    }, ms);
    timers.add(timer);
  };

  /** `data-inkling-why` slots get a small, keyboard-reachable "why?" button (its text: the attribute's value, if any). */
  const addWhy = (slot: Element) => {
    if (!slot.hasAttribute(ATTR_WHY) || [...slot.children].some((c) => c.classList.contains(WHY_CLASS))) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = WHY_CLASS;
    button.textContent = slot.getAttribute(ATTR_WHY) || 'why?';
    button.setAttribute('aria-label', 'Why am I seeing this?');
    slot.append(button);
  };

  /** A slot seen for the first time (parsed, rendered or re-rendered) shows the latest decision. */
  const adopt = (slot: Element) => {
    const fresh = !shown.has(slot);
    apply(slot, shown.get(slot) ?? latest);
    addWhy(slot);
    if (fresh && slot.hasAttribute(ATTR_WAIT)) hold(slot);
  };
  const everySlot = () => document.querySelectorAll(`[${ATTR_SLOT}]`);
  /** A slot with no box of its own (`display: contents`) is where its shown variant is. */
  const inView = (slot: Element) =>
    slot.getClientRects().length > 0 ? isInViewport(slot) : variantsOf(slot).some((v) => !v.hasAttribute('hidden') && isInViewport(v));

  // Runs for every node the parser inserts, so it does as little as it can per record: a variant
  // arrives as a child of its slot (the record's target); a slot arrives itself, or inside a
  // subtree a framework inserts at once.
  let observer: MutationObserver | undefined;
  const watch = () => {
    if (observer || stopped) return;
    try {
      observer = new MutationObserver((records) => {
        const slots = new Set<Element>();
        for (let i = 0; i < records.length; i++) {
          const { target, addedNodes } = records[i]!;
          if ((target as Element).hasAttribute?.(ATTR_SLOT)) slots.add(target as Element);
          for (let j = 0; j < addedNodes.length; j++) {
            const node = addedNodes[j] as Element;
            if (node.nodeType !== 1) continue;
            if (node.hasAttribute(ATTR_SLOT)) slots.add(node);
            // The parser inserts elements one by one, childless: only a subtree inserted at once is searched.
            if (node.firstElementChild) node.querySelectorAll(`[${ATTR_SLOT}]`).forEach((slot) => slots.add(slot));
          }
        }
        slots.forEach(adopt);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    } catch {
      // No MutationObserver: slots present now were handled; later ones keep their markup's default.
    }
  };

  setPage(initial);
  everySlot().forEach(adopt);
  // A first visit shows `default`, which the markup already does: the parser's nodes need no
  // watching until DOMContentLoaded, when every slot is adopted (and checked) at once.
  if (document.readyState !== 'loading' || initial !== DEFAULT_VARIANT) watch();
  if (document.readyState === 'loading') {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        if (stopped) return;
        everySlot().forEach(adopt);
        watch();
      },
      { once: true },
    );
  }

  return {
    show(segment, applyOn) {
      latest = segment;
      // Slots the parser has yet to insert must show it too; `default` they show by their markup,
      // so a first visit does not watch every node of a long page as it parses (DOMContentLoaded
      // adopts them all, as it would have without this call).
      if (segment !== DEFAULT_VARIANT || document.readyState !== 'loading') watch();
      if (applyOn === 'immediate') setPage(segment);
      for (const slot of everySlot()) {
        const waiting = slot.hasAttribute(ATTR_WAIT) && !slot.hasAttribute(ATTR_READY);
        if (applyOn === 'immediate' || waiting || !inView(slot)) apply(slot, segment);
      }
    },
    newView() {
      setPage(latest);
      everySlot().forEach((slot) => apply(slot, latest));
    },
    release() {
      released = true;
      // Every waiting slot may show now, also those not adopted yet (see installVariantStyle).
      document.documentElement.setAttribute(ATTR_READY, '');
      timers.forEach(clearTimeout);
      timers.clear();
      everySlot().forEach(ready);
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      timers.forEach(clearTimeout);
    },
  };
}
