// The panel module (`dist/inkling-panel.js`), which the core loads on first use: the panel
// itself, the wording of `explain()` and `export()` (DESIGN.md: they belong to the panel), and
// the development checks of pages started with `debug`.
export { explainDecision } from '../model/explainDecision';
export { exportProfile } from '../model/exportProfile';
export { createMarkupChecker } from './createMarkupChecker';
export { openPanel } from './openPanel';
