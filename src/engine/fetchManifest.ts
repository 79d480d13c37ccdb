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
  let bytes: ArrayBuffer;
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
    bytes = await response.arrayBuffer();
  } catch (e) {
    if (controller.signal.aborted) return rejectManifest('manifest-timeout', [`no answer from ${url} within ${timeoutMs} ms`]);
    return rejectManifest('manifest-fetch', [`could not fetch ${url}: ${String(e)}`]);
  } finally {
    clearTimeout(timer);
  }
  if (bytes.byteLength > MANIFEST_MAX_BYTES) return tooLarge(url);
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rejectManifest('manifest-parse', [`${url} is not JSON (it starts with ${JSON.stringify(text.slice(0, 40))})`]);
  }
  return { ...validateManifest(json), etag: responseEtag };
}

const tooLarge = (url: string) => rejectManifest('manifest-too-large', [`${url} is larger than ${MANIFEST_MAX_BYTES} bytes`]);
