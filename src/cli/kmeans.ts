import { createRandom } from './createRandom';

/** Rows stored flat, row after row: value `j` of row `i` is `data[i * dimensions + j]`. */
export interface PointMatrix {
  /** `rows × dimensions` numbers, row-major. */
  data: Float64Array;
  /** Number of points. */
  rows: number;
  /** Numbers per point. */
  dimensions: number;
}

/** Points as arrays (one per row) or already flat. */
export type PointInput = readonly (Float64Array | readonly number[])[] | PointMatrix;

/** Tuning for `kmeans`; every field is optional. */
export interface KmeansOptions {
  /** Seed of the random generator (default 1): the same seed gives the same result. */
  seed?: number;
  /** Independent k-means++ runs; the one with the lowest inertia wins (default 10, like scikit-learn's `n_init`). */
  restarts?: number;
  /** Lloyd iterations per run at most (default 300). */
  maxIterations?: number;
  /**
   * A run stops when the summed squared centroid shift of one iteration is below
   * `tolerance × the mean per-dimension variance of the data` (scikit-learn's rule; default 1e-4),
   * or as soon as no assignment changes.
   */
  tolerance?: number;
}

/** The best of the runs. */
export interface KmeansResult {
  /** `k` centroids, in the points' space. */
  centroids: number[][];
  /** For each point, the index of its (nearest) centroid. */
  assignments: Int32Array;
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  iterations: number;
}

const isMatrix = (points: PointInput): points is PointMatrix => !Array.isArray(points);

/**
 * Copies points into one flat `Float64Array` (or checks an existing matrix), rejecting ragged
 * rows and non-finite numbers. Row and column numbers in errors count from 1.
 */
export function toMatrix(points: PointInput): PointMatrix {
  if (isMatrix(points)) {
    const { data, rows, dimensions } = points;
    if (!Number.isInteger(rows) || !Number.isInteger(dimensions) || data.length !== rows * dimensions) {
      throw new Error(`a point matrix of ${rows} rows × ${dimensions} dimensions needs ${rows * dimensions} numbers, got ${data.length}`);
    }
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]!)) throw new Error(`row ${Math.floor(i / dimensions) + 1}, column ${(i % dimensions) + 1}: ${data[i]} is not a finite number`);
    }
    return points;
  }
  const rows = points.length;
  const dimensions = points[0]?.length ?? 0;
  const data = new Float64Array(rows * dimensions);
  for (let i = 0; i < rows; i++) {
    const row = points[i]!;
    if (row.length !== dimensions) throw new Error(`row ${i + 1} has ${row.length} values, expected ${dimensions} like row 1`);
    for (let j = 0; j < dimensions; j++) {
      const v = row[j]!;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`row ${i + 1}, column ${j + 1}: ${String(v)} is not a finite number`);
      data[i * dimensions + j] = v;
    }
  }
  return { data, rows, dimensions };
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b`, both `d` wide. */
export function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let sum = 0;
  const ai = i * d;
  const bj = j * d;
  for (let t = 0; t < d; t++) {
    const diff = a[ai + t]! - b[bj + t]!;
    sum += diff * diff;
  }
  return sum;
}

/** Index of the nearest of `k` centroids to row `i`, with its squared distance written to `out[0]`. */
export function nearestCentroid(data: Float64Array, i: number, centroids: Float64Array, k: number, d: number, out?: Float64Array): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(data, i, centroids, c, d);
    if (dist < bestDistance) {
      bestDistance = dist;
      best = c;
    }
  }
  if (out) out[0] = bestDistance;
  return best;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's
 * `2 + ln k` local trials): each new centre is drawn with probability ∝ D², the squared
 * distance to the nearest centre so far, and the trial that lowers the potential most wins.
 */
function seedCentroids(m: PointMatrix, k: number, random: () => number, closest: Float64Array, cumulative: Float64Array): Float64Array {
  const { data, rows: n, dimensions: d } = m;
  const centroids = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const setCentroid = (c: number, i: number) => centroids.set(data.subarray(i * d, i * d + d), c * d);

  setCentroid(0, Math.min(n - 1, Math.floor(random() * n)));
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = squaredDistance(data, i, centroids, 0, d);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    let bestCandidate = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      // Every point already sits on a centre (duplicates): any point will do.
      const candidate = potential > 0 ? search(cumulative, random() * running) : Math.min(n - 1, Math.floor(random() * n));
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) candidatePotential += Math.min(closest[i]!, squaredDistance(data, i, data, candidate, d));
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
      }
    }
    setCentroid(c, bestCandidate);
    potential = 0;
    for (let i = 0; i < n; i++) potential += closest[i] = Math.min(closest[i]!, squaredDistance(data, i, centroids, c, d));
  }
  return centroids;
}

/** The first index whose cumulative weight exceeds `target` (binary search). */
function search(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Working memory shared by the runs, so restarts allocate nothing per point. */
interface Workspace {
  assignments: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
}

/**
 * One Lloyd run from k-means++ seeds, accelerated with Hamerly's bounds (Hamerly 2010): each
 * point keeps an upper bound on the distance to its centre and a lower bound on the distance to
 * any other, and is only measured against every centre when the bounds overlap. The result is
 * the same as plain Lloyd's, with far fewer distance computations once clusters settle.
 */
function runLloyd(m: PointMatrix, k: number, random: () => number, maxIterations: number, shiftTolerance: number, w: Workspace) {
  const { data, rows: n, dimensions: d } = m;
  const { assignments, upper, lower, sums, counts } = w;
  // The bounds are free until the first assignment: the seeding borrows them.
  const centroids = seedCentroids(m, k, random, upper, lower);
  const previous = new Float64Array(k * d);
  const halfGap = new Float64Array(k);
  const moved = new Float64Array(k);
  let tracking = false; // running sums are kept once the first assignment is done

  /** Measures row `i` against every centre; returns true when its assignment changed. */
  const assignFully = (i: number): boolean => {
    let best = 0;
    let first = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = squaredDistance(data, i, centroids, c, d);
      if (dist < first) {
        second = first;
        first = dist;
        best = c;
      } else if (dist < second) second = dist;
    }
    upper[i] = Math.sqrt(first);
    lower[i] = Math.sqrt(second);
    const was = assignments[i]!;
    if (was === best) return false;
    if (tracking) move(m, i, was, best, w);
    else assignments[i] = best;
    return true;
  };

  for (let i = 0; i < n; i++) assignFully(i);
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const a = assignments[i]!;
    counts[a] = counts[a]! + 1;
    for (let t = 0; t < d; t++) sums[a * d + t] = sums[a * d + t]! + data[i * d + t]!;
  }
  tracking = true;
  let iterations = 0;
  while (true) {
    iterations++;
    // Before relocating, so that a re-seeded centre's jump loosens every point's bounds.
    previous.set(centroids);
    relocateEmpty(m, k, centroids, w);
    updateCentroids(k, d, centroids, w);

    let largest = 0;
    let secondLargest = 0;
    let largestAt = -1;
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(centroids, c, previous, c, d);
      shift += s;
      const p = (moved[c] = Math.sqrt(s));
      if (p > largest) {
        secondLargest = largest;
        largest = p;
        largestAt = c;
      } else if (p > secondLargest) secondLargest = p;
    }
    // Half the distance from each centre to its nearest other centre: a point closer than
    // that to its own centre cannot be closer to any other.
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let o = 0; o < k; o++) if (o !== c) nearest = Math.min(nearest, squaredDistance(centroids, c, centroids, o, d));
      halfGap[c] = Math.sqrt(nearest) / 2;
    }
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const a = assignments[i]!;
      // The centres moved: loosen the bounds by how far (triangle inequality).
      let u = upper[i]! + moved[a]!;
      const l = (lower[i] = lower[i]! - (a === largestAt ? secondLargest : largest));
      const bound = Math.max(halfGap[a]!, l);
      if (u > bound) u = Math.sqrt(squaredDistance(data, i, centroids, a, d));
      upper[i] = u;
      if (u > bound && assignFully(i)) changes++;
    }
    // The assignments now match the returned centroids in every exit below.
    if (changes === 0 || shift <= shiftTolerance || iterations >= maxIterations) break;
  }

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(data, i, centroids, assignments[i]!, d);
  return { centroids, inertia, iterations };
}

/** Moves row `i` from cluster `from` to `to`, keeping the running sums and counts. */
function move(m: PointMatrix, i: number, from: number, to: number, w: Workspace): void {
  const { data, dimensions: d } = m;
  const { assignments, sums, counts } = w;
  assignments[i] = to;
  counts[from] = counts[from]! - 1;
  counts[to] = counts[to]! + 1;
  for (let t = 0; t < d; t++) {
    const v = data[i * d + t]!;
    sums[from * d + t] = sums[from * d + t]! - v;
    sums[to * d + t] = sums[to * d + t]! + v;
  }
}

/**
 * Means of the assigned points, from running sums that only change when a point moves (so an
 * iteration costs nothing for settled points); a centre left without points keeps its place.
 */
function updateCentroids(k: number, d: number, centroids: Float64Array, w: Workspace): void {
  const { sums, counts } = w;
  for (let c = 0; c < k; c++) {
    const count = counts[c]!;
    if (count === 0) continue;
    for (let t = 0; t < d; t++) centroids[c * d + t] = sums[c * d + t]! / count;
  }
}

/**
 * Gives each empty cluster the point farthest from its own centre (as scikit-learn does), taken
 * from a cluster that keeps at least one point. Bounds of moved points are reset to be safe.
 */
function relocateEmpty(m: PointMatrix, k: number, centroids: Float64Array, w: Workspace): void {
  const { data, rows: n, dimensions: d } = m;
  const { assignments, upper, lower, counts } = w;
  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) continue;
    let farthest = -1;
    let farthestDistance = -1;
    for (let i = 0; i < n; i++) {
      const a = assignments[i]!;
      if (counts[a]! < 2) continue;
      const dist = squaredDistance(data, i, centroids, a, d);
      if (dist > farthestDistance) {
        farthestDistance = dist;
        farthest = i;
      }
    }
    if (farthest < 0) return; // unreachable while k ≤ n
    move(m, farthest, assignments[farthest]!, c, w);
    centroids.set(data.subarray(farthest * d, farthest * d + d), c * d);
    upper[farthest] = 0;
    lower[farthest] = 0;
  }
}

/** Mean over the dimensions of each dimension's variance: the scale of `tolerance`. */
function meanVariance(m: PointMatrix): number {
  const { data, rows: n, dimensions: d } = m;
  if (d === 0) return 0;
  const means = new Float64Array(d);
  for (let i = 0; i < n * d; i++) means[i % d] = means[i % d]! + data[i]!;
  for (let t = 0; t < d; t++) means[t] = means[t]! / n;
  let total = 0;
  for (let i = 0; i < n * d; i++) {
    const diff = data[i]! - means[i % d]!;
    total += diff * diff;
  }
  return total / n / d;
}

/**
 * Clusters points into `k` groups: k-means++ seeding (D² sampling), then Lloyd iterations until
 * no assignment changes or the centroids barely move; `restarts` independent runs, keeping the
 * one with the lowest inertia. Empty clusters are re-seeded with the point farthest from its
 * centre. Deterministic for a given seed.
 *
 * @example
 * const { centroids, assignments } = kmeans([[0, 0], [0, 1], [9, 9], [9, 8]], 2, { seed: 7 });
 * assignments[0] === assignments[1]; // true
 */
export function kmeans(points: PointInput, k: number, options: KmeansOptions = {}): KmeansResult {
  const { seed = 1, restarts = 10, maxIterations = 300, tolerance = 1e-4 } = options;
  const m = toMatrix(points);
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
  if (m.rows === 0) throw new Error('there are no rows to cluster');
  if (k > m.rows) throw new Error(`k (${k}) is larger than the number of rows (${m.rows})`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new Error(`restarts must be a whole number ≥ 1, got ${restarts}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`maxIterations must be a whole number ≥ 1, got ${maxIterations}`);
  if (!(tolerance >= 0)) throw new Error(`tolerance must be ≥ 0, got ${tolerance}`);

  const random = createRandom(seed);
  const shiftTolerance = tolerance * meanVariance(m);
  const n = m.rows;
  const workspace: Workspace = {
    assignments: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    sums: new Float64Array(k * m.dimensions),
    counts: new Float64Array(k),
  };
  let best: { centroids: Float64Array; inertia: number; iterations: number } | undefined;
  const bestAssignments = new Int32Array(n);
  for (let r = 0; r < restarts; r++) {
    const run = runLloyd(m, k, random, maxIterations, shiftTolerance, workspace);
    if (!best || run.inertia < best.inertia) {
      best = run;
      bestAssignments.set(workspace.assignments);
    }
  }
  const { centroids, inertia, iterations } = best!;
  const d = m.dimensions;
  return {
    centroids: Array.from({ length: k }, (_, c) => Array.from(centroids.subarray(c * d, c * d + d))),
    assignments: bestAssignments,
    inertia,
    iterations,
  };
}
