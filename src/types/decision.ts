/** One feature's part in a decision, for explanations. */
export interface DecisionReason {
  /** Feature name from the manifest. */
  feature: string;
  /** The feature's plain-words label. */
  label: string;
  /** The aggregate before transform and z-scoring (e.g. a decayed click count). */
  raw: number;
  /** The standardised value that was scored. */
  z: number;
  /** How far this feature pulled towards the chosen segment and away from the runner-up (positive) or the reverse (negative); the contributions add up to the runner-up's distance minus the winner's. */
  contribution: number;
}

/** What the engine decided, and why. */
export interface Decision {
  /** The chosen segment id, or `'default'` while there is too little evidence. */
  segment: string;
  /** The chosen segment's label (`'Default'` for the default). */
  label: string;
  /** 0 to 1: `1 - best / runnerUp` of the squared distances (0 on a tie, 1 on the centroid). */
  confidence: number;
  /** Squared Euclidean distance to every segment, by id. */
  distances: Record<string, number>;
  /** Features ordered by how strongly they support the choice, strongest first. */
  reasons: DecisionReason[];
  /** Plain-words reason when the decision is `default` (e.g. "not enough activity yet"). */
  note?: string;
  /** The manifest the decision was made against. */
  manifestId: string;
  /** The days of activity the reasons' raw values cover (the manifest's window). */
  windowDays: number;
  /** Epoch milliseconds of the decision. */
  decidedAt: number;
  /**
   * True for the decision restored from the cache before the engine answered: only `segment`,
   * `manifestId` and `decidedAt` are meaningful then.
   */
  cached?: boolean;
}
