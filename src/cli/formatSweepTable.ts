/**
 * The sweep as a plain text table: k, inertia (within-segment sum of squares, lower is tighter)
 * and mean silhouette (−1 to 1, higher is better separated), the recommended k marked.
 */
export function formatSweepTable(results: readonly { k: number; inertia: number; silhouette: number | null }[], recommended: number): string {
  const rows = results.map((r) => [String(r.k), r.inertia.toPrecision(6), r.silhouette === null ? '-' : r.silhouette.toFixed(4), r.k === recommended ? '<- recommended' : '']);
  const header = ['k', 'inertia', 'silhouette', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : c < 3 ? cell.padStart(widths[c]!) : cell)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
