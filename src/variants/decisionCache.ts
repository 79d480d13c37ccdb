import { DECISION_CACHE_KEY, DECISION_CACHE_MS } from '../constants';
import type { Decision } from '../types/decision';

/** What the decision cache keeps: a few bytes, nothing about the visitor but the segment id. */
interface CachedDecision {
  /** Segment id. */
  s: string;
  /** Manifest id. */
  m: string;
  /** Expiry, epoch milliseconds. */
  e: number;
}

/**
 * The last decision, restored synchronously so the first frame of the next page shows the
 * right variant. Returns a Decision marked `cached` (only segment, manifestId and decidedAt are
 * meaningful), or null when there is none, it has expired, or storage is unavailable.
 */
export function readDecisionCache(now = Date.now()): Decision | null {
  try {
    const c = JSON.parse(localStorage.getItem(DECISION_CACHE_KEY) ?? 'null') as CachedDecision | null;
    if (!c || typeof c.s !== 'string' || typeof c.m !== 'string' || !(c.e > now)) return null;
    const decidedAt = c.e - DECISION_CACHE_MS;
    return { segment: c.s, label: c.s, confidence: 0, distances: {}, reasons: [], manifestId: c.m, windowDays: 0, decidedAt, cached: true };
  } catch {
    return null;
  }
}

/** Keeps `decision` for the next page (for `DECISION_CACHE_MS`); `null` removes the cache. */
export function writeDecisionCache(decision: Decision | null): void {
  try {
    if (!decision) return localStorage.removeItem(DECISION_CACHE_KEY);
    const cached: CachedDecision = { s: decision.segment, m: decision.manifestId, e: decision.decidedAt + DECISION_CACHE_MS };
    localStorage.setItem(DECISION_CACHE_KEY, JSON.stringify(cached));
  } catch {
    // Storage blocked or full: the next page starts from the default content instead.
  }
}
