import { fromBase64 } from './fromBase64';

/**
 * Splits the configured public keys (an array, or one string with keys separated by spaces
 * or commas, as in `data-key`) and sorts out the ones that are not a raw 32-byte Ed25519 key
 * in standard base64.
 */
export function parsePublicKeys(input: string | readonly string[] | undefined): { keys: string[]; malformed: string[] } {
  const all = (typeof input === 'string' ? input.split(/[\s,]+/) : (input ?? [])).filter(Boolean);
  const malformed = all.filter((key) => {
    try {
      return fromBase64(key).length !== 32;
    } catch {
      return true;
    }
  });
  return { keys: all, malformed };
}
