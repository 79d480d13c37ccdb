/**
 * The weight of a bucket that is `ageDays` old under exponential decay:
 * 1 today, 0.5 one half-life ago. A half-life of 0 or less means no decay.
 */
export function decayWeight(ageDays: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0) || ageDays <= 0) return 1;
  return Math.pow(0.5, ageDays / halfLifeDays);
}
