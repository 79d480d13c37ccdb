/**
 * Canonical JSON as RFC 8785 (JCS) defines it for the values a manifest holds: object keys
 * sorted by UTF-16 code units, no whitespace, strings escaped and numbers printed as
 * JavaScript's JSON.stringify does. Non-finite numbers have no JSON form and throw.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
  return JSON.stringify(value);
}

/** What a manifest's signature covers: its canonical JSON without the top-level `signature` field. */
export function signedPayload(manifest: object): string {
  const { signature: _omitted, ...rest } = manifest as { signature?: unknown };
  return canonicalJson(rest);
}
