import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';

/** The only manifest spec version this SDK understands. */
export const MANIFEST_VERSION = 1;

/** Caps against endless data (DESIGN.md section 4): more than this is rejected unread. */
export const MAX_FEATURES = 64;
export const MAX_SEGMENTS = 32;

/** Either a manifest that passed every check, or the first class of problem with all its paths. */
export type ManifestCheck = { ok: true; manifest: Manifest } | { ok: false; error: InklingError; problems: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function fail(code: InklingError['code'], problems: string[]): ManifestCheck {
  return { ok: false, error: { code, message: `Inkling manifest rejected: ${problems.join('; ')}` }, problems };
}

function checkFeatures(features: unknown[], problems: string[]): void {
  const names = new Set<string>();
  features.forEach((f, i) => {
    const at = `features[${i}]`;
    if (!isObject(f)) return void problems.push(`${at} must be an object`);
    if (!isText(f.name)) problems.push(`${at}.name must be a non-empty string`);
    else if (names.has(f.name)) problems.push(`${at}.name "${f.name}" is used twice`);
    else names.add(f.name);
    if (!isText(f.signal)) problems.push(`${at}.signal must be a non-empty string`);
    if (f.topic !== undefined && typeof f.topic !== 'string') problems.push(`${at}.topic must be a string`);
    if (f.action !== undefined && typeof f.action !== 'string') problems.push(`${at}.action must be a string`);
    if (!['sum', 'count', 'max'].includes(f.agg as string)) problems.push(`${at}.agg must be one of sum, count, max`);
    if (!['log1p', 'none'].includes(f.transform as string)) problems.push(`${at}.transform must be log1p or none`);
    if (!isFiniteNumber(f.mean)) problems.push(`${at}.mean must be a finite number`);
    if (!isFiniteNumber(f.std) || f.std <= 0) problems.push(`${at}.std must be > 0`);
    if (typeof f.label !== 'string') problems.push(`${at}.label must be a string`);
  });
}

function checkSegments(segments: unknown[], dimensions: number, problems: string[], mismatched: string[]): void {
  const ids = new Set<string>();
  segments.forEach((s, i) => {
    const at = `segments[${i}]`;
    if (!isObject(s)) return void problems.push(`${at} must be an object`);
    if (!isText(s.id) || /\s/.test(s.id) || s.id === 'default') problems.push(`${at}.id must be a non-empty string without spaces, other than "default"`);
    else if (ids.has(s.id)) problems.push(`${at}.id "${s.id}" is used twice`);
    else ids.add(s.id);
    if (typeof s.label !== 'string') problems.push(`${at}.label must be a string`);
    if (!Array.isArray(s.centroid)) return void problems.push(`${at}.centroid must be an array of numbers`);
    if (s.centroid.length !== dimensions) mismatched.push(`${at}.centroid has ${s.centroid.length} numbers, expected ${dimensions}`);
    s.centroid.forEach((x, j) => {
      if (!isFiniteNumber(x)) problems.push(`${at}.centroid[${j}] must be a finite number`);
    });
  });
}

/**
 * Checks untrusted JSON against the manifest spec and says precisely what is wrong.
 * Pure: shared by the SDK's engine and the CLI.
 */
export function validateManifest(input: unknown): ManifestCheck {
  if (!isObject(input)) return fail('manifest-invalid', ['the manifest must be a JSON object']);
  if (input.inkling !== MANIFEST_VERSION) {
    return fail('manifest-version', [`inkling is ${JSON.stringify(input.inkling)}, this SDK understands version ${MANIFEST_VERSION}`]);
  }
  const problems: string[] = [];
  const mismatched: string[] = [];
  if (!isText(input.id)) problems.push('id must be a non-empty string');
  const window = input.window;
  if (!isObject(window)) problems.push('window must be an object');
  else {
    if (!Number.isInteger(window.days) || (window.days as number) < 1) problems.push('window.days must be a whole number ≥ 1');
    if (!isFiniteNumber(window.halfLifeDays) || window.halfLifeDays <= 0) problems.push('window.halfLifeDays must be > 0');
  }
  if (!isFiniteNumber(input.minEvidence) || input.minEvidence < 0) problems.push('minEvidence must be a number ≥ 0');
  if (!isFiniteNumber(input.hysteresis) || input.hysteresis < 0 || input.hysteresis >= 1) problems.push('hysteresis must be ≥ 0 and < 1');
  const count = Array.isArray(input.features) ? input.features.length : 0;
  const features = count > 0 && count <= MAX_FEATURES ? (input.features as unknown[]) : undefined;
  if (count === 0) problems.push('features must be a non-empty array');
  else if (!features) problems.push(`features has ${count} entries, at most ${MAX_FEATURES} are allowed`);
  else checkFeatures(features, problems);
  if (!Array.isArray(input.segments) || input.segments.length === 0) problems.push('segments must be a non-empty array');
  else if (input.segments.length > MAX_SEGMENTS) problems.push(`segments has ${input.segments.length} entries, at most ${MAX_SEGMENTS} are allowed`);
  // Centroid lengths are only meaningful against a usable feature list.
  else checkSegments(input.segments, features?.length ?? 0, problems, features ? mismatched : []);

  if (mismatched.length > 0) return fail('manifest-dimensions', [...mismatched, ...problems]);
  if (problems.length > 0) return fail('manifest-invalid', problems);
  return { ok: true, manifest: input as unknown as Manifest };
}
