// Readers of what a page shows and stores, the same in every engine.
import type { Tab } from '../drivers/types';

/** An `error`, `segmentchange` or `ready` event recorded by the `events` page script. */
export type RecordedEvent = { type: string; detail: { code?: string; segment?: string; message?: string } };

/** A stored profile bucket. */
export type Bucket = { signal: string; topic: string; action: string; count: number; sum: number; max: number };

/** Waits for the script tag's first decision (the `ready` promise) and returns it. */
export function ready(tab: Tab): Promise<{ segment: string; cached?: boolean } | null> {
  return tab.evaluate(() => window.inkling!.ready as Promise<never>);
}

/** The events recorded by the `events` page script. */
export function events(tab: Tab): Promise<RecordedEvent[]> {
  return tab.evaluate(() => (window as unknown as { __events: never[] }).__events);
}

/** The codes of the recorded `error` events. */
export async function errorCodes(tab: Tab): Promise<(string | undefined)[]> {
  return (await events(tab)).filter((e) => e.type === 'error').map((e) => e.detail.code);
}

/** The Workers the page started that answered and still run (the `workers` page script), by URL. */
export function runningWorkers(tab: Tab): Promise<string[]> {
  return tab.evaluate(() =>
    ((window as unknown as { __workers?: { url: string; answered: boolean; terminated: boolean }[] }).__workers ?? []).filter((w) => w.answered && !w.terminated).map((w) => w.url),
  );
}

/** The segment ids of the visible variants of a slot. */
export function visibleVariants(tab: Tab, slot: string): Promise<string[]> {
  return tab.evaluate(
    (name) =>
      [...document.querySelectorAll(`[data-inkling-slot="${name}"] > [data-inkling-variant]`)]
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => el.getAttribute('data-inkling-variant') ?? ''),
    slot,
  );
}

/**
 * In the page: every stored bucket, straight from the origin's IndexedDB ([] without a
 * database). Self-contained, as it reaches the page as source text (`evaluate`, or a page that
 * reports by itself).
 */
export function readStoredBuckets(): Promise<Bucket[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('inkling');
    // Never create the database from here: that would skip the SDK's own upgrade.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('buckets').objectStore('buckets').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as Bucket[]);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

/** Every stored bucket, straight from the page origin's IndexedDB. */
export function storedBuckets(tab: Tab): Promise<Bucket[]> {
  return tab.evaluate(readStoredBuckets);
}

export async function storedCounts(tab: Tab): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await storedBuckets(tab)) if (row.signal === 'click') counts[row.topic] = (counts[row.topic] ?? 0) + row.count;
  return counts;
}
