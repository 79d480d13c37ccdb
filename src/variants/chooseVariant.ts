import { ATTR_VARIANT, DEFAULT_VARIANT } from '../constants';

/** The segment ids a variant element is for. */
export const segmentsOf = (el: Element): string[] => (el.getAttribute(ATTR_VARIANT) ?? '').split(/\s+/).filter(Boolean);

/**
 * The variant of a slot to show for `segment`: the first child (in document order) whose
 * `data-inkling-variant` list names the segment, else the first `default` child, else the
 * first variant (a slot without a default still shows exactly one variant).
 */
export function chooseVariant(variants: readonly Element[], segment: string): Element | undefined {
  return variants.find((el) => segmentsOf(el).includes(segment)) ?? variants.find((el) => segmentsOf(el).includes(DEFAULT_VARIANT)) ?? variants[0];
}
