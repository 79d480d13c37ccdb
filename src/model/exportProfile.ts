import type { ProfileBucket } from '../types/profile';
import type { ProfileExport } from '../types/profileExport';
import type { Settings } from '../types/settings';

const MS_PER_DAY = 86_400_000;
/** A local day number as the calendar date a person reads, YYYY-MM-DD. */
const isoDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Everything kept, as plain JSON a person can read; empty fields are left out. Pure. */
export function exportProfile(buckets: ProfileBucket[], settings: Settings, manifestId: string | null, cachedSegment: string | null, now: number): ProfileExport {
  return {
    format: 'inkling-profile',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    manifestId,
    settings,
    cachedSegment,
    buckets: [...buckets]
      .sort((a, b) => a.day - b.day || (a.signal < b.signal ? -1 : a.signal > b.signal ? 1 : 0))
      .map((b) => ({
        day: isoDay(b.day),
        signal: b.signal,
        ...(b.topic && { topic: b.topic }),
        ...(b.action && { action: b.action }),
        count: b.count,
        ...(b.sum !== b.count && { sum: b.sum }),
        ...(b.max !== 1 && { max: b.max }),
      })),
  };
}
