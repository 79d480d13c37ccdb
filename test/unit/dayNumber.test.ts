import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/model/dayNumber';

const DAY = 86_400_000;

describe('dayNumber', () => {
  it('counts whole UTC days since 1970-01-01 with a zero offset', () => {
    expect(dayNumber(0, 0)).toBe(0);
    expect(dayNumber(DAY - 1, 0)).toBe(0);
    expect(dayNumber(DAY, 0)).toBe(1);
    expect(dayNumber(Date.UTC(2026, 10, 20, 12), 0)).toBe(20_777);
  });

  it('floors times before 1970 to negative days', () => {
    expect(dayNumber(-1, 0)).toBe(-1);
    expect(dayNumber(-DAY, 0)).toBe(-1);
    expect(dayNumber(-DAY - 1, 0)).toBe(-2);
  });

  it('moves to the next day early for visitors east of UTC (negative offset)', () => {
    // 23:30 UTC on 2026-11-20 is 00:30 on 2026-11-21 in UTC+1 (getTimezoneOffset() = -60).
    const at = Date.UTC(2026, 10, 20, 23, 30);
    expect(dayNumber(at, 0)).toBe(20_777);
    expect(dayNumber(at, -60)).toBe(20_778);
  });

  it('stays on the previous day for visitors west of UTC (positive offset)', () => {
    // 02:00 UTC on 2026-11-21 is 21:00 on 2026-11-20 in UTC-5 (getTimezoneOffset() = 300).
    const at = Date.UTC(2026, 10, 21, 2);
    expect(dayNumber(at, 0)).toBe(20_778);
    expect(dayNumber(at, 300)).toBe(20_777);
  });

  it('changes exactly at local midnight', () => {
    const offset = -330; // UTC+5:30
    const localMidnight = Date.UTC(2026, 10, 21) + offset * 60_000;
    expect(dayNumber(localMidnight - 1, offset)).toBe(20_777);
    expect(dayNumber(localMidnight, offset)).toBe(20_778);
  });

  it("defaults to the runtime's local calendar day", () => {
    for (const at of [Date.UTC(2026, 0, 1, 0, 30), Date.UTC(2026, 6, 15, 23, 45), Date.UTC(2026, 10, 20, 12)]) {
      const local = new Date(at);
      const expected = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY;
      expect(dayNumber(at)).toBe(expected);
    }
  });
});
