/**
 * The panel's styles, inside its Shadow DOM: page CSS cannot reach in and these rules cannot
 * leak out. `:host { all: initial !important }` resets everything the page could set on the
 * host element (important declarations of the inner context win over the page's).
 *
 * Theming: set these custom properties on the page (`:root`, or the `inkling-panel` element);
 * they are inherited into the shadow tree. Keep text at a contrast of at least 4.5:1.
 *
 *   --inkling-accent     buttons' borders and the focus ring (#0b57d0; dark #a8c7fa)
 *   --inkling-accent-fg  text on filled buttons (#fff; dark #062e6f)
 *   --inkling-bg         background (#fff; dark #1f1f23)
 *   --inkling-fg         text (#1f1f23; dark #e8e8ec)
 *   --inkling-font       font family (system-ui, sans-serif)
 *   --inkling-radius     corner radius (12px)
 *
 * The dark defaults follow `prefers-color-scheme`; animation only runs without
 * `prefers-reduced-motion: reduce`. Sizes are in `em` of the visitor's default font size
 * (`medium`), not the page's, and the dialog fits any viewport down to 320 px: its body scrolls.
 */
export const panelStyles = `
:host{all:initial!important}
*{box-sizing:border-box}
dialog{--a:var(--inkling-accent,#0b57d0);--c:var(--inkling-accent-fg,#fff);--b:var(--inkling-bg,#fff);--f:var(--inkling-fg,#1f1f23);
color-scheme:light;font:medium/1.5 var(--inkling-font,system-ui,sans-serif);color:var(--f);background:var(--b);
width:min(36em,calc(100% - 1em));max-width:none;max-height:calc(100% - 1em);margin:auto;padding:0;
border:1px solid var(--f);border-radius:var(--inkling-radius,12px);overflow:hidden;overflow-wrap:anywhere;text-align:start}
dialog[open]{display:flex;flex-direction:column}
dialog::backdrop{background:#0009}
.hd,.ft{padding:1em 1.25em}
.ft{border-top:1px solid var(--f);display:flex;justify-content:flex-end}
.b{flex:1 1 auto;min-height:0;overflow:auto;padding:0 1.25em}
h2{font-size:1.25em;margin:0;line-height:1.3}
h3{font-size:1em;margin:1.25em 0 .25em}
p{margin:.25em 0}
ul{margin:.25em 0;padding-left:1.25em}
li{margin:.25em 0}
.t{list-style:none;padding:0}
.t li{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;justify-content:space-between}
.r{display:flex;flex-wrap:wrap;gap:.5em;margin:.5em 0 1em}
.s{font-size:.875em;margin:1em 0}
button{font:inherit;color:var(--f);background:transparent;border:2px solid var(--a);border-radius:calc(var(--inkling-radius,12px)/2);
padding:.375em .875em;min-height:2.75em;cursor:pointer;text-align:center}
button:hover{background:color-mix(in srgb,var(--a) 12%,transparent)}
.y{background:var(--a);color:var(--c)}
.y:hover{background:var(--a)}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
[tabindex="-1"]:focus{outline:none}
@media (prefers-color-scheme:dark){dialog{--a:var(--inkling-accent,#a8c7fa);--c:var(--inkling-accent-fg,#062e6f);--b:var(--inkling-bg,#1f1f23);--f:var(--inkling-fg,#e8e8ec);color-scheme:dark}}
@media (prefers-reduced-motion:no-preference){dialog[open]{animation:inkling-in .2s ease-out}@keyframes inkling-in{from{opacity:0;transform:translateY(1em)}}}
`;
