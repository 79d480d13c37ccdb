import { ATTR_SLOT, ATTR_VARIANT } from '../constants';
import { chooseVariant } from './chooseVariant';

/** The variant elements that belong to `slot` (its direct children only, so nested slots stay separate). */
function variantsOf(slot: Element): Element[] {
  return [...slot.children].filter((child) => child.hasAttribute(ATTR_VARIANT));
}

/**
 * Shows, in every `[data-inkling-slot]` under `root`, the variant chosen for `segment`
 * and hides the others with the `hidden` attribute. Touches only elements whose state changes.
 */
export function applyDecision(segment: string, root: ParentNode = document): void {
  for (const slot of root.querySelectorAll(`[${ATTR_SLOT}]`)) {
    const variants = variantsOf(slot);
    const shown = chooseVariant(variants, segment);
    if (!shown) continue;
    for (const variant of variants) {
      const hide = variant !== shown;
      if (variant.hasAttribute('hidden') !== hide) variant.toggleAttribute('hidden', hide);
    }
  }
}
