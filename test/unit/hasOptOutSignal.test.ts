import { describe, expect, it } from 'vitest';
import { hasOptOutSignal } from '../../src/lib/hasOptOutSignal';

const nav = (fields: Record<string, unknown>) => fields as unknown as Navigator;
const win = (fields: Record<string, unknown> = {}) => fields as unknown as Window;

describe('hasOptOutSignal', () => {
  it('is true with Global Privacy Control', () => expect(hasOptOutSignal(nav({ globalPrivacyControl: true }), win())).toBe(true));
  it('is true with Do-Not-Track in any of its spellings', () => {
    expect(hasOptOutSignal(nav({ doNotTrack: '1' }), win())).toBe(true);
    expect(hasOptOutSignal(nav({}), win({ doNotTrack: '1' }))).toBe(true);
    expect(hasOptOutSignal(nav({ msDoNotTrack: '1' }), win())).toBe(true);
    expect(hasOptOutSignal(nav({ doNotTrack: 'yes' }), win())).toBe(true);
  });
  it('is false without them, or when they say no', () => {
    expect(hasOptOutSignal(nav({}), win())).toBe(false);
    expect(hasOptOutSignal(nav({ globalPrivacyControl: false, doNotTrack: '0' }), win())).toBe(false);
    expect(hasOptOutSignal(nav({ doNotTrack: 'unspecified' }), win())).toBe(false);
  });
});
