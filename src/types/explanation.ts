import type { Settings } from './settings';

/** One reason in plain words, for the visitor panel. */
export interface ExplanationReason {
  /** A sentence a person can read, e.g. "5 clicks on tents in the past 30 days". */
  text: string;
  /** The feature it comes from. */
  feature: string;
  /** The feature's label from the manifest (e.g. "clicks on tents"), for translated sentences. */
  label: string;
  /** The number in the sentence: events (or their summed value) in the window, undecayed. */
  value: number;
}

/** Why the visitor sees what they see, and what is kept about them. */
export interface Explanation {
  /** The decided segment id (`default` while there is too little activity or personalization is off). */
  segment: string;
  /** Its label. */
  label: string;
  /** Its plain description from the manifest, if any. */
  description?: string;
  /** 0 to 1 (see Decision.confidence). */
  confidence: number;
  /** The confidence in words: `very sure`, `fairly sure`, `not sure`. */
  confidenceWords: 'very sure' | 'fairly sure' | 'not sure';
  /** Why `default`, when it is (e.g. "not enough activity yet", "personalization is off"). */
  note?: string;
  /** The strongest reasons for the segment, strongest first (at most five). */
  reasons: ExplanationReason[];
  /** What is stored on this device. */
  stored: {
    /** Events kept per topic, most first. */
    topics: { topic: string; count: number }[];
    /** How many days are kept (the manifest's window; without one, from the oldest stored day through today). */
    days: number;
    /** The bytes of the stored profile (as UTF-8 JSON). */
    bytes: number;
  };
  /** The manifest the decision comes from. */
  manifest?: { id: string; issued?: string };
  /** The visitor's choices. */
  settings: Settings;
}
