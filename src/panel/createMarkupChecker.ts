import { ATTR_SLOT } from '../constants';
import { findMarkupMistakes, findUnknownSegments } from '../variants/findMarkupMistakes';
import { variantsOf } from '../variants/variantsOf';

/** The development checks of a page started with `debug` (README, "Markup mistakes"). */
export interface MarkupChecker {
  /** Looks at a parsed slot, once: every mistake in it is one warning. */
  check(slot: Element, variants: readonly Element[]): void;
  /** The manifest's segment ids: each slot's ids that are not among them are named (once, by `warn`). */
  setKnownSegments(ids: readonly string[]): void;
}

/**
 * The checks behind `debug`: they live in the panel module, so pages that do not ask for them
 * neither download nor run them. `warn` is expected to say each message once.
 */
export function createMarkupChecker(warn: (message: string) => void): MarkupChecker {
  let known: Set<string> | undefined;
  const checked = new WeakSet<Element>();
  return {
    check(slot, variants) {
      if (checked.has(slot) || variants.length === 0) return;
      checked.add(slot);
      findMarkupMistakes(slot, variants, known).forEach(warn);
    },
    setKnownSegments(ids) {
      known = new Set(ids);
      for (const slot of document.querySelectorAll(`[${ATTR_SLOT}]`)) findUnknownSegments(slot, variantsOf(slot), known).forEach(warn);
    },
  };
}
