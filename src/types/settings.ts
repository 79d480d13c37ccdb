/** The visitor's own choices, made in the panel; they persist until "delete everything". */
export interface Settings {
  /** Tracking is paused: nothing new is recorded. */
  paused: boolean;
  /** Personalization is off: the default content shows and no segment is reported. */
  personalizationOff: boolean;
  /** Topics that are never tracked (their data was removed when blocked). */
  blockedTopics: string[];
}
