/** Fills `{placeholders}`: `fillTemplate('{count} events', { count: 5 })` → `5 events`. Unknown ones stay as written. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
