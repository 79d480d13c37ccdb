import { ATTR_VARIANT, DEFAULT_VARIANT } from '../constants';

/**
 * The variant of a slot to show for `segment`: the first child whose
 * `data-inkling-variant` list names the segment, else the first `default` child,
 * else `undefined` (the slot is left as authored).
 */
export function chooseVariant(variants: readonly Element[], segment: string): Element | undefined {
  const names = (el: Element) => (el.getAttribute(ATTR_VARIANT) ?? '').split(/\s+/);
  return variants.find((el) => names(el).includes(segment)) ?? variants.find((el) => names(el).includes(DEFAULT_VARIANT));
}
