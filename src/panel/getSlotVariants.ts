import { ATTR_VARIANT, DEFAULT_VARIANT } from '../constants';

/** What a slot shows, for the panel: the segments of its visible variant and its default's text. */
export interface SlotVariants {
  /** Segment ids of the variant shown (not `hidden`), e.g. `['camper']`; empty when none is. */
  shown: string[];
  /** The default variant's text, trimmed and shortened to about 80 characters. */
  defaultText?: string;
}

const MAX_TEXT = 80;

/** Reads a slot's direct `data-inkling-variant` children, as the core decides them. */
export function getSlotVariants(slot: Element): SlotVariants {
  const variants = [...slot.children].filter((child) => child.hasAttribute(ATTR_VARIANT));
  const segments = (variant?: Element) => (variant?.getAttribute(ATTR_VARIANT) ?? '').split(/\s+/).filter(Boolean);
  const text = (variants.find((v) => segments(v).includes(DEFAULT_VARIANT))?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Cut by code point, so an emoji or other astral character is never split in two.
  const chars = [...text];
  return {
    shown: segments(variants.find((v) => !v.hasAttribute('hidden'))),
    ...(text && { defaultText: chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT - 1).join('').trimEnd()}…` : text }),
  };
}
