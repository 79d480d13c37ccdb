import type { ProfileBucket } from '../types/profile';

/** The limits that keep the stored profile small whatever the volume of activity. */
export interface ProfileLimits {
  /** Today, as a local day number. */
  today: number;
  /** Buckets older than this day are dropped (the manifest's window); undefined keeps every day. */
  oldestDay?: number;
  /** Distinct topics kept; the least recently seen topic goes first. */
  maxTopics: number;
  /** Distinct actions kept; the least recently seen action goes first. */
  maxActions: number;
  /** Distinct custom signal names kept; the least recently seen name goes first. */
  maxCustomSignals: number;
  /** Days of `context` buckets kept: they describe the current visit, not a history. */
  contextDays: number;
  /** Buckets kept in all; the oldest go first. */
  maxBuckets: number;
}

const isText = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** Whether a stored record has the shape of a bucket (anything else is corrupt and dropped). */
export function isBucket(b: unknown): b is ProfileBucket {
  const r = b as Record<string, unknown> | null;
  return !!r && Number.isInteger(r.day) && isText(r.signal) && isText(r.topic) && isText(r.action) && isCount(r.count) && isCount(r.sum) && isCount(r.max);
}

/** Drops whole groups (all buckets of one topic, say) beyond `max`, least recent and least used first. */
function capGroups(buckets: ProfileBucket[], groupOf: (b: ProfileBucket) => string | undefined, max: number, drop: Set<ProfileBucket>): void {
  const groups = new Map<string, { last: number; count: number; members: ProfileBucket[] }>();
  for (const b of buckets) {
    const name = groupOf(b);
    if (name === undefined || drop.has(b)) continue;
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { last: -Infinity, count: 0, members: [] }));
    g.last = Math.max(g.last, b.day);
    g.count += b.count;
    g.members.push(b);
  }
  if (groups.size <= max) return;
  const ranked = [...groups.entries()].sort(([an, a], [bn, b]) => b.last - a.last || b.count - a.count || (an < bn ? -1 : 1));
  for (const [, g] of ranked.slice(max)) for (const b of g.members) drop.add(b);
}

/**
 * Which records to delete so that the profile stays within `limits`: corrupt records, days
 * outside the window or more than a day ahead of today, stale context, topics/actions/custom signals over their caps, then the
 * oldest buckets over the total cap. Pure, so the IndexedDB and the in-memory stores agree.
 */
export function bucketsToDrop(records: readonly unknown[], limits: ProfileLimits): unknown[] {
  const drop = new Set<unknown>();
  const valid: ProfileBucket[] = [];
  for (const r of records) {
    if (!isBucket(r)) drop.add(r);
    else if (limits.oldestDay !== undefined && r.day < limits.oldestDay) drop.add(r);
    // Dated by a clock that ran ahead: never scored (see bucketsInWindow), and kept, it would
    // outrank every real day under the caps for as long as the clock had run ahead. A day of
    // slack spares a clock put back across midnight, or a time-zone change.
    else if (r.day > limits.today + 1) drop.add(r);
    else if (r.signal === 'context' && r.day <= limits.today - limits.contextDays) drop.add(r);
    else valid.push(r);
  }
  const dropped = drop as Set<ProfileBucket>;
  capGroups(valid, (b) => (b.signal !== 'context' && b.topic ? b.topic : undefined), limits.maxTopics, dropped);
  capGroups(valid, (b) => (b.signal !== 'context' && b.action ? b.action : undefined), limits.maxActions, dropped);
  capGroups(valid, (b) => (b.signal.startsWith('custom:') ? b.signal : undefined), limits.maxCustomSignals, dropped);
  const kept = valid.filter((b) => !dropped.has(b));
  if (kept.length > limits.maxBuckets) {
    kept.sort((a, b) => a.day - b.day || a.count - b.count);
    for (const b of kept.slice(0, kept.length - limits.maxBuckets)) drop.add(b);
  }
  return [...drop];
}
