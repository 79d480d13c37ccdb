/** Topics, actions and signal names longer than this are cut, so no page can bloat the profile. */
export const MAX_NAME_LENGTH = 64;

/**
 * A topic, action or signal name as the profile stores it (`foldSignals`): cut to
 * `MAX_NAME_LENGTH`, and `''` when missing. Whatever looks a stored name up (blocking a topic,
 * on the page or in the engine) must cut it the same way. Its own module, so the page's code
 * takes it without the folding.
 *
 * @example
 * storedName('x'.repeat(100)).length; // 64
 */
export function storedName(s: string | undefined): string {
  return typeof s === 'string' ? s.slice(0, MAX_NAME_LENGTH) : '';
}
