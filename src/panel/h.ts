/** What `h` accepts as children: nodes, text and (nested) lists of them; empty values are skipped. */
export type Child = Node | string | false | null | undefined | Child[];

/**
 * Creates an element: `h('button', { type: 'button', onclick }, 'Close')`. Props become
 * attributes (`true` → present, `false`/`undefined` → absent), `on*` functions become
 * listeners; strings become text nodes, never markup (the panel uses no `innerHTML`).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Record<string, string | boolean | undefined | ((event: Event) => void)> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value !== false && value !== undefined) element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...((children as unknown[]).flat(Infinity).filter(Boolean) as (Node | string)[]));
  return element;
}
