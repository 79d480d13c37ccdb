import { createRandom } from './createRandom';
import { toMatrix, type PointInput } from './kmeans';

/** A fitted two-component PCA. */
export interface Pca2d {
  /** Coordinates of a point on the two principal axes (after centring on the data's mean). */
  project(point: readonly number[]): [number, number];
  /** The two unit-length principal axes, the strongest first. */
  components: [number[], number[]];
  /** Variance along each axis. */
  variances: [number, number];
  /** Total variance of the data (the trace of the covariance): `variances[i] / totalVariance` is the share shown. */
  totalVariance: number;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/**
 * The strongest eigenvector of a symmetric `d × d` matrix by power iteration, from a seeded
 * start, orthogonal to `avoid` (so a degenerate matrix still yields a distinct axis).
 */
function powerIteration(matrix: Float64Array, d: number, seed: number, avoid?: Float64Array): { vector: Float64Array; value: number } {
  const random = createRandom(seed);
  let vector = Float64Array.from({ length: d }, () => random() - 0.5);
  const next = new Float64Array(d);
  const orthogonalise = (v: Float64Array) => {
    if (!avoid) return;
    const along = dot(v, avoid);
    for (let i = 0; i < d; i++) v[i] = v[i]! - along * avoid[i]!;
  };
  const normalise = (v: Float64Array): number => {
    const norm = Math.sqrt(dot(v, v));
    if (norm > 0) for (let i = 0; i < d; i++) v[i] = v[i]! / norm;
    return norm;
  };
  orthogonalise(vector);
  normalise(vector);
  let value = 0;
  for (let iteration = 0; iteration < 1000; iteration++) {
    for (let i = 0; i < d; i++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += matrix[i * d + j]! * vector[j]!;
      next[i] = sum;
    }
    orthogonalise(next);
    value = normalise(next);
    if (value === 0) break; // nothing left along any remaining axis: keep the start
    const change = Math.abs(Math.abs(dot(next, vector)) - 1);
    vector = Float64Array.from(next);
    if (change < 1e-13) break;
  }
  // A sign convention, so the same data always gives the same picture.
  let largest = 0;
  for (let i = 0; i < d; i++) if (Math.abs(vector[i]!) > Math.abs(vector[largest]!)) largest = i;
  if (vector[largest]! < 0) for (let i = 0; i < d; i++) vector[i] = -vector[i]!;
  return { vector, value };
}

/**
 * Two-component principal component analysis, for drawing high-dimensional points on a page:
 * the covariance matrix's two strongest eigenvectors by power iteration, the second after
 * deflating the first (`C − λ₁v₁v₁ᵀ`). Deterministic.
 *
 * @example
 * const pca = pca2d(sample);
 * const [x, y] = pca.project(sample[0]);
 */
export function pca2d(points: PointInput): Pca2d {
  const { data, rows: n, dimensions: d } = toMatrix(points);
  if (n === 0 || d === 0) throw new Error('pca2d needs at least one point with at least one value');
  const mean = new Float64Array(d);
  for (let i = 0; i < n * d; i++) mean[i % d] = mean[i % d]! + data[i]! / n;
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) centred[i] = data[r * d + i]! - mean[i]!;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) covariance[i * d + j] = covariance[i * d + j]! + (centred[i]! * centred[j]!) / n;
  }
  let totalVariance = 0;
  for (let i = 0; i < d; i++) totalVariance += covariance[i * d + i]!;

  const first = powerIteration(covariance, d, 1);
  const deflated = Float64Array.from(covariance);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) deflated[i * d + j] = deflated[i * d + j]! - first.value * first.vector[i]! * first.vector[j]!;
  // One dimension has no second axis: project onto zero.
  const second = d > 1 ? powerIteration(deflated, d, 2, first.vector) : { vector: new Float64Array(d), value: 0 };
  const u = first.vector;
  const v = second.vector;
  return {
    project(point) {
      if (point.length !== d) throw new Error(`pca2d was fitted on ${d} dimensions, the point has ${point.length}`);
      let x = 0;
      let y = 0;
      for (let i = 0; i < d; i++) {
        const c = point[i]! - mean[i]!;
        x += c * u[i]!;
        y += c * v[i]!;
      }
      return [x, y];
    },
    components: [Array.from(u), Array.from(v)],
    variances: [first.value, second.value],
    totalVariance,
  };
}
