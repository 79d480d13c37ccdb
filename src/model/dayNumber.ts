const MS_PER_DAY = 86_400_000;

/**
 * The visitor's local calendar day as a whole number of days since 1970-01-01.
 * Buckets are per local day so that "today" means what the visitor thinks it means.
 */
export function dayNumber(epochMs: number, timezoneOffsetMinutes = new Date(epochMs).getTimezoneOffset()): number {
  return Math.floor((epochMs - timezoneOffsetMinutes * 60_000) / MS_PER_DAY);
}
