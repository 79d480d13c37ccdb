import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';

/** The only manifest spec version this SDK understands. */
export const MANIFEST_VERSION = 1;

/** Caps against endless data (DESIGN.md section 4): more than this is rejected. */
export const MAX_FEATURES = 64;
export const MAX_SEGMENTS = 32;
/** The longest window a manifest may ask the browser to keep. */
export const MAX_WINDOW_DAYS = 365;

/** The aggregates a feature may use (see `FeatureAggregate`). */
export const AGGREGATES = ['sum', 'count', 'mean', 'max', 'rate', 'recency', 'activeDays', 'indicator'] as const;

/** Either a manifest that passed every check, or the first class of problem with all its paths. */
export type ManifestCheck = { ok: true; manifest: Manifest } | { ok: false; error: InklingError; problems: string[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isDate = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));

/** The error for a rejected manifest: one code, and every problem found in one message. */
export function manifestError(code: InklingError['code'], problems: string[]): InklingError {
  return { code, message: `Inkling manifest rejected: ${problems.join('; ')}` };
}

/** A rejected check with one code and every problem found, each led by its JSON path. */
export function rejectManifest(code: InklingError['code'], problems: string[]): ManifestCheck {
  return { ok: false, error: manifestError(code, problems), problems };
}

function checkFilter(f: Json, at: string, problems: string[]): void {
  if (!isText(f.signal)) problems.push(`${at}.signal must be a non-empty string`);
  for (const key of ['topic', 'action'] as const) if (f[key] !== undefined && typeof f[key] !== 'string') problems.push(`${at}.${key} must be a string`);
}

function checkFeature(f: unknown, at: string, names: Set<string>, problems: string[]): void {
  if (!isObject(f)) return void problems.push(`${at} must be an object`);
  if (!isText(f.name)) problems.push(`${at}.name must be a non-empty string`);
  else if (names.has(f.name)) problems.push(`${at}.name "${f.name}" is used twice`);
  else names.add(f.name);
  checkFilter(f, at, problems);
  if (!(AGGREGATES as readonly unknown[]).includes(f.agg)) problems.push(`${at}.agg must be one of ${AGGREGATES.join(', ')}`);
  if (f.agg === 'rate') {
    if (!isObject(f.per)) problems.push(`${at}.per must be an object: the denominator of a rate`);
    else checkFilter(f.per, `${at}.per`, problems);
  } else if (f.per !== undefined) problems.push(`${at}.per is only allowed with agg "rate"`);
  if (f.transform !== 'log1p' && f.transform !== 'none') problems.push(`${at}.transform must be log1p or none`);
  if (!isFinite(f.mean)) problems.push(`${at}.mean must be a finite number`);
  if (!isFinite(f.std) || f.std <= 0) problems.push(`${at}.std must be > 0`);
  if (typeof f.label !== 'string') problems.push(`${at}.label must be a string`);
  if (f.weight !== undefined && (!isFinite(f.weight) || f.weight < 0)) problems.push(`${at}.weight must be a number ≥ 0`);
}

function checkSegment(s: unknown, at: string, ids: Set<string>, dimensions: number | undefined, problems: string[], mismatched: string[]): void {
  if (!isObject(s)) return void problems.push(`${at} must be an object`);
  if (!isText(s.id) || /\s/.test(s.id) || s.id === 'default') problems.push(`${at}.id must be a non-empty string without spaces, other than "default"`);
  else if (ids.has(s.id)) problems.push(`${at}.id "${s.id}" is used twice`);
  else ids.add(s.id);
  if (typeof s.label !== 'string') problems.push(`${at}.label must be a string`);
  if (s.description !== undefined && typeof s.description !== 'string') problems.push(`${at}.description must be a string`);
  if (!Array.isArray(s.centroid)) return void problems.push(`${at}.centroid must be an array of numbers`);
  // Centroid lengths only mean something against a usable feature list.
  if (dimensions !== undefined && s.centroid.length !== dimensions) mismatched.push(`${at}.centroid has ${s.centroid.length} numbers, expected ${dimensions}`);
  s.centroid.forEach((x, j) => {
    if (!isFinite(x)) problems.push(`${at}.centroid[${j}] must be a finite number`);
  });
}

/** Checks a list's presence and size; returns it when its entries are worth checking. */
function list(value: unknown, name: string, max: number, problems: string[]): unknown[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return void problems.push(`${name} must be a non-empty array`);
  if (value.length > max) return void problems.push(`${name} has ${value.length} entries, at most ${max} are allowed`);
  return value;
}

/**
 * Checks untrusted JSON against the manifest spec (`manifest.schema.json`) and says precisely
 * what is wrong, by JSON path. Pure: shared by the SDK's engine and the CLI.
 * Signature and expiry are the engine's to check; the shape of `signature`, `issued` and `expires` is checked here.
 */
export function validateManifest(input: unknown): ManifestCheck {
  if (!isObject(input)) return rejectManifest('manifest-invalid', ['the manifest must be a JSON object']);
  if (input.inkling !== MANIFEST_VERSION) {
    return rejectManifest('manifest-version', [`inkling is ${JSON.stringify(input.inkling)}, this SDK understands version ${MANIFEST_VERSION}`]);
  }
  const problems: string[] = [];
  const mismatched: string[] = [];
  if (!isText(input.id)) problems.push('id must be a non-empty string');
  for (const key of ['issued', 'expires'] as const) if (input[key] !== undefined && !isDate(input[key])) problems.push(`${key} must be an ISO 8601 date`);
  if (isDate(input.issued) && isDate(input.expires) && Date.parse(input.expires) <= Date.parse(input.issued)) problems.push('expires must be after issued');
  if (input.signature !== undefined && (typeof input.signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(input.signature))) problems.push('signature must be standard base64');
  const window = input.window;
  if (!isObject(window)) problems.push('window must be an object');
  else {
    if (!Number.isInteger(window.days) || (window.days as number) < 1 || (window.days as number) > MAX_WINDOW_DAYS) problems.push(`window.days must be a whole number from 1 to ${MAX_WINDOW_DAYS}`);
    if (!isFinite(window.halfLifeDays) || window.halfLifeDays <= 0) problems.push('window.halfLifeDays must be > 0');
  }
  if (!isFinite(input.minEvidence) || input.minEvidence < 0) problems.push('minEvidence must be a number ≥ 0');
  if (!isFinite(input.hysteresis) || input.hysteresis < 0 || input.hysteresis >= 1) problems.push('hysteresis must be ≥ 0 and < 1');

  const features = list(input.features, 'features', MAX_FEATURES, problems);
  const names = new Set<string>();
  features?.forEach((f, i) => checkFeature(f, `features[${i}]`, names, problems));
  const ids = new Set<string>();
  list(input.segments, 'segments', MAX_SEGMENTS, problems)?.forEach((s, i) => checkSegment(s, `segments[${i}]`, ids, features?.length, problems, mismatched));

  if (mismatched.length > 0) return rejectManifest('manifest-dimensions', [...mismatched, ...problems]);
  if (problems.length > 0) return rejectManifest('manifest-invalid', problems);
  return { ok: true, manifest: input as unknown as Manifest };
}
