import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { createEngine } from '../../src/engine/createEngine';
import { dayNumber } from '../../src/model/dayNumber';
import type { Signal } from '../../src/types/signal';
import { demoManifest } from '../support/demoManifest';

const DAY = 86_400_000;
const START = Date.UTC(2025, 10, 24, 8);
const BUDGET = 64 * 1024;

/** One heavy day: thousands of events over more topics, actions and custom signals than the caps allow. */
function heavyDay(day: number, at: number): Signal[] {
  const signals: Signal[] = [];
  for (let i = 0; i < 3000; i++) {
    const topic = `topic-${(i * 7 + day) % 40}`;
    const t = at + (i % 600) * 60_000;
    const kind = i % 10;
    if (kind < 5) signals.push({ signal: 'click', topic, action: i % 3 === 0 ? `action-${(i + day) % 20}` : undefined, value: 1, at: t });
    else if (kind === 5) signals.push({ signal: 'view', topic, value: 1, at: t });
    else if (kind === 6) signals.push({ signal: 'scroll', topic, value: (i % 100) / 100, at: t });
    else if (kind === 7) signals.push({ signal: 'dwell', topic, value: 12.5, at: t });
    else if (kind === 8) signals.push({ signal: 'element-dwell', topic, value: 3.2, at: t });
    else signals.push({ signal: `custom:event-${(i + day) % 20}`, topic, value: 1, at: t });
  }
  for (let h = 6; h < 22; h++) signals.push({ signal: 'context', topic: 'hour', action: String(h), value: 1, at });
  signals.push({ signal: 'context', topic: 'device', action: day % 2 ? 'mobile' : 'desktop', value: 1, at });
  return signals;
}

/** Bytes of everything Inkling keeps, as JSON: every record of every store. */
async function storedBytes(): Promise<{ bytes: number; buckets: number }> {
  const db = await openDB('inkling');
  let bytes = 0;
  let buckets = 0;
  for (const name of db.objectStoreNames) {
    const rows = await db.getAll(name);
    if (name === 'buckets') buckets = rows.length;
    bytes += rows.reduce((n, r) => n + JSON.stringify(r).length, 0);
  }
  db.close();
  return { bytes, buckets };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(demoManifest()))));
});

describe('profile footprint', () => {
  it('stays within 64 KB after a simulated year of heavy use', async () => {
    let now = START;
    const engine = createEngine({ now: () => now });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    let events = 0;
    for (let day = 0; day < 365; day++) {
      now = START + day * DAY;
      const signals = heavyDay(day, now);
      events += signals.length;
      // Four flushes a day; two of them replayable, as when the tab is hidden.
      for (let part = 0; part < 4; part++) {
        const slice = signals.slice((part * signals.length) / 4, ((part + 1) * signals.length) / 4);
        await engine.ingest(part % 2 ? { signals: slice, id: `d${day}p${part}` } : { signals: slice });
      }
    }
    const { bytes, buckets } = await storedBytes();
    console.log(`profile footprint after 365 days, ${events} events: ${bytes} bytes in ${buckets} buckets (budget ${BUDGET})`);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
    expect(buckets).toBeGreaterThan(100); // the cap keeps a useful profile, not an empty one

    const kept = (await engine.inspect()).buckets;
    const topics = new Set(kept.filter((b) => b.signal !== 'context' && b.topic).map((b) => b.topic));
    expect(topics.size).toBeLessThanOrEqual(32);
    expect(Math.max(...kept.map((b) => b.day))).toBe(dayNumber(START + 364 * DAY)); // the latest day survives
  }, 120_000);
});
