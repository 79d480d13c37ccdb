import type { Decision } from '../types/decision';
import type { Explanation, ExplanationReason } from '../types/explanation';
import type { Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import type { Settings } from '../types/settings';
import { bucketMatches } from './bucketMatches';
import { bucketsInWindow } from './computeFeatures';

/** The confidence in words a visitor understands. */
export function confidenceWords(confidence: number): Explanation['confidenceWords'] {
  return confidence >= 0.5 ? 'very sure' : confidence >= 0.2 ? 'fairly sure' : 'not sure';
}

/** The window in words: "today" for a one-day window, else "in the past 30 days". */
const windowWords = (days: number) => (days === 1 ? 'today' : `in the past ${days} days`);

/** Days kept without a manifest (whose window says it otherwise): from the oldest stored day through today. */
const daysStored = (buckets: ProfileBucket[], today: number) => (buckets.length ? Math.max(1, today - Math.min(...buckets.map((b) => b.day)) + 1) : 0);

const utf8 = new TextEncoder();
/** A bucket's size in bytes as UTF-8 JSON, as a topic in any script takes them. */
const bytesOf = (b: ProfileBucket) => utf8.encode(JSON.stringify(b)).length;

const round = (n: number) => (Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/** Undecayed events (or their summed value, for `sum` and `max` features) that a feature read in the window. */
function plainValue(feature: Manifest['features'][number], buckets: ProfileBucket[]): number {
  let value = 0;
  for (const b of buckets) {
    if (!bucketMatches(feature, b)) continue;
    value = feature.agg === 'max' ? Math.max(value, b.max) : value + (feature.agg === 'sum' || feature.agg === 'mean' ? b.sum : b.count);
  }
  return value;
}

/**
 * Turns a decision into what the visitor panel says: the segment in plain words, how sure,
 * the strongest reasons as sentences with numbers and the time window, and what is stored.
 * Pure: runs in the engine, next to the profile.
 */
export function explainDecision(decision: Decision | null, manifest: Manifest | undefined, buckets: ProfileBucket[], settings: Settings, today: number): Explanation {
  const days = manifest?.window.days ?? daysStored(buckets, today);
  const inWindow = manifest ? bucketsInWindow(buckets, manifest, today) : buckets;
  const topics = new Map<string, number>();
  for (const b of buckets) if (b.topic && b.signal !== 'context') topics.set(b.topic, (topics.get(b.topic) ?? 0) + b.count);
  const segment = manifest?.segments.find((s) => s.id === decision?.segment);
  const off = settings.personalizationOff;
  const reasons: ExplanationReason[] = [];
  if (decision && segment && !off) {
    for (const r of decision.reasons) {
      const feature = manifest!.features.find((f) => f.name === r.feature);
      if (!feature || r.contribution <= 0 || reasons.length === 5) continue;
      const value = round(plainValue(feature, inWindow));
      if (value > 0) reasons.push({ feature: r.feature, label: feature.label, value, text: `${value} ${feature.label} ${windowWords(days)}` });
    }
  }
  return {
    segment: off || !segment ? 'default' : segment.id,
    label: off || !segment ? 'Default' : segment.label,
    ...(segment && !off && segment.description !== undefined && { description: segment.description }),
    confidence: off ? 0 : (decision?.confidence ?? 0),
    confidenceWords: confidenceWords(off ? 0 : (decision?.confidence ?? 0)),
    ...((off || !segment) && { note: off ? 'personalization is off' : (decision?.note ?? 'no segment has been decided yet') }),
    reasons,
    stored: {
      topics: [...topics].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1)),
      days,
      bytes: buckets.reduce((n, b) => n + bytesOf(b), 0),
    },
    ...(manifest && { manifest: { id: manifest.id, ...(manifest.issued !== undefined && { issued: manifest.issued }) } }),
    settings,
  };
}
