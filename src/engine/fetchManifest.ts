import { MANIFEST_MAX_BYTES, MANIFEST_TIMEOUT_MS } from '../constants';
import { rejectManifest, validateManifest, type ManifestCheck } from '../model/validateManifest';

/** What a manifest request gave: a checked manifest (with its ETag), "not modified", or a rejection. */
export type FetchedManifest = (ManifestCheck & { etag?: string }) | { notModified: true };

/**
 * Fetches and checks the manifest, conditionally when an ETag is known. Never throws: every
 * failure becomes a rejection with a stable code. No cookies are sent (the manifest is public,
 * static data), and the browser's HTTP cache is bypassed because the engine keeps its own.
 */
export async function fetchManifest(url: string, etag?: string, timeoutMs = MANIFEST_TIMEOUT_MS): Promise<FetchedManifest> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string | undefined;
  let responseEtag: string | undefined;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      headers: etag ? { 'If-None-Match': etag } : {},
      signal: controller.signal,
    });
    if (response.status === 304 && etag) return { notModified: true };
    if (!response.ok) return rejectManifest('manifest-fetch', [`HTTP ${response.status} from ${url}`]);
    if (Number(response.headers.get('Content-Length')) > MANIFEST_MAX_BYTES) return tooLarge(url);
    responseEtag = response.headers.get('ETag') ?? undefined;
    text = await readText(response, MANIFEST_MAX_BYTES);
  } catch (e) {
    if (controller.signal.aborted) return rejectManifest('manifest-timeout', [`no answer from ${url} within ${timeoutMs} ms`]);
    return rejectManifest('manifest-fetch', [`could not fetch ${url}: ${String(e)}`]);
  } finally {
    clearTimeout(timer);
  }
  if (text === undefined) return tooLarge(url);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rejectManifest('manifest-parse', [`${url} is not JSON (it starts with ${JSON.stringify(text.slice(0, 40))})`]);
  }
  return { ...validateManifest(json), etag: responseEtag };
}

/**
 * The body as text, or `undefined` once it passes `max` bytes. Read in chunks and cancelled
 * there, so a body without Content-Length (chunked, or a lying server) costs at most `max`.
 */
async function readText(response: Response, max: number): Promise<string | undefined> {
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  if (!reader) {
    // No stream to read from (a synthetic or polyfilled Response): the whole body, then the check.
    const whole = await response.arrayBuffer();
    return whole.byteLength > max ? undefined : decoder.decode(whole);
  }
  let text = '';
  let length = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.byteLength;
    if (length > max) {
      // Not awaited: the answer does not depend on how the connection is torn down.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    // `stream` keeps a character split between two chunks for the next one.
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

const tooLarge = (url: string) => rejectManifest('manifest-too-large', [`${url} is larger than ${MANIFEST_MAX_BYTES} bytes`]);
