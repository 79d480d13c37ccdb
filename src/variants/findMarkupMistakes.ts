import { ATTR_SLOT, DEFAULT_VARIANT } from '../constants';
import { segmentsOf } from './chooseVariant';

const slotName = (slot: Element) => `Inkling: slot "${slot.getAttribute(ATTR_SLOT)}"`;

/** The warnings about segment ids in a slot's variants that the manifest (`known`) does not define. */
export function findUnknownSegments(slot: Element, variants: readonly Element[], known: ReadonlySet<string>): string[] {
  const ids = new Set(variants.flatMap(segmentsOf));
  return [...ids]
    .filter((id) => id !== DEFAULT_VARIANT && !known.has(id))
    .map((id) => `${slotName(slot)} has a variant for "${id}", which the manifest does not define; it is never shown`);
}

/**
 * Development warnings for one slot, each with the deterministic result it gets (README,
 * "Markup mistakes"): no default variant, two variants for one segment, a slot nested in
 * another, and segment ids the manifest does not know (when `known` is given).
 */
export function findMarkupMistakes(slot: Element, variants: readonly Element[], known?: ReadonlySet<string>): string[] {
  const name = slotName(slot);
  const mistakes: string[] = [];
  const seen = new Set<string>();
  for (const variant of variants) {
    for (const id of segmentsOf(variant)) {
      if (seen.has(id)) mistakes.push(`${name} has two variants for "${id}"; the first one is shown`);
      seen.add(id);
    }
  }
  if (known) mistakes.push(...findUnknownSegments(slot, variants, known));
  if (variants.length > 0 && !seen.has(DEFAULT_VARIANT)) mistakes.push(`${name} has no default variant; its first variant is shown when no other matches`);
  if (slot.parentElement?.closest(`[${ATTR_SLOT}]`)) mistakes.push(`${name} is inside another slot; each slot is decided on its own, from its direct children`);
  return mistakes;
}
