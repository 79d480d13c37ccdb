import { ATTR_VARIANT } from '../constants';

/** A slot's variants: its direct children with `data-inkling-variant`, in document order. */
export const variantsOf = (slot: Element): Element[] => [...slot.children].filter((child) => child.hasAttribute(ATTR_VARIANT));
