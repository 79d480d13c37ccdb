/** One stored bucket: everything of one signal and topic/action on one day. */
export interface ProfileBucket {
  /** Local calendar day, as days since 1970-01-01. */
  day: number;
  /** Signal name. */
  signal: string;
  /** Topic, or `''` when the signal had none. */
  topic: string;
  /** Action, or `''` when the signal had none. */
  action: string;
  /** How many events fell into this bucket. */
  count: number;
  /** The sum of their values. */
  sum: number;
  /** The largest single value. */
  max: number;
}
