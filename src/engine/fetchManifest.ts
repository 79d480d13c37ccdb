import { MANIFEST_MAX_BYTES, MANIFEST_TIMEOUT_MS } from '../constants';
import { validateManifest, type ManifestCheck } from '../model/validateManifest';

/**
 * Fetches and checks the manifest. Never throws: every failure becomes a rejected check
 * with a stable code. No cookies are sent; the manifest is public, static data.
 */
export async function fetchManifest(url: string, timeoutMs = MANIFEST_TIMEOUT_MS): Promise<ManifestCheck> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    const response = await fetch(url, { credentials: 'omit', signal: controller.signal });
    if (!response.ok) return rejected('manifest-fetch', `HTTP ${response.status} from ${url}`);
    text = await response.text();
  } catch (e) {
    const reason = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : String(e);
    return rejected('manifest-fetch', `could not fetch ${url}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  if (text.length > MANIFEST_MAX_BYTES) return rejected('manifest-invalid', `${url} is larger than ${MANIFEST_MAX_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rejected('manifest-parse', `${url} is not JSON (it starts with ${JSON.stringify(text.slice(0, 40))})`);
  }
  return validateManifest(json);
}

function rejected(code: 'manifest-fetch' | 'manifest-parse' | 'manifest-invalid', problem: string): ManifestCheck {
  return { ok: false, error: { code, message: `Inkling manifest rejected: ${problem}` }, problems: [problem] };
}
