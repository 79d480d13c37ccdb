import { describe, expect, it } from 'vitest';
import { canonicalJson, signedPayload } from '../../src/model/canonicalJson';

describe('canonicalJson (RFC 8785 for manifest values)', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 section 3.2.3 does', () => {
    // The RFC's own example order: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "ﬂ"
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\u00f6', '\ud83d\ude00', '\u0080'];
    const text = canonicalJson(Object.fromEntries(keys.map((k) => [k, 0])));
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    expect(text).toBe(`{${order.map((k) => `${JSON.stringify(k)}:0`).join(',')}}`);
  });

  it('prints numbers as JavaScript does (RFC 8785 section 3.2.2.3)', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1 + 0.2, 333333333.33333329, 4.5, 2e-3])).toBe('[1e+21,1e-7,0,0.30000000000000004,333333333.3333333,4.5,0.002]');
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\u0001é"');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });

  it('signs everything but the top-level signature', () => {
    expect(signedPayload({ signature: 'xyz', id: 'm', nested: { signature: 'kept' } })).toBe('{"id":"m","nested":{"signature":"kept"}}');
  });
});
