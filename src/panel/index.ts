// The panel module (`dist/inkling-panel.js`), which the core loads on first use: the panel
// itself, and the wording of `explain()` and `export()` (DESIGN.md: they belong to the panel).
export { explainDecision } from '../model/explainDecision';
export { exportProfile } from '../model/exportProfile';
export { openPanel } from './openPanel';
