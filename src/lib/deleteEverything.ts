import { DECISION_CACHE_KEY, OUTBOX_KEY, SETTINGS_KEY } from '../constants';
import { deleteProfileDB } from './deleteProfileDB';

/**
 * Deletes everything Inkling keeps in this browser without its engine (an instance that records
 * nothing still lets the visitor delete what an earlier visit stored): the cached decision, the
 * outbox, the visitor's settings and the profile database. Never rejects.
 */
export function deleteEverything(): Promise<void> {
  try {
    for (const key of [DECISION_CACHE_KEY, OUTBOX_KEY, SETTINGS_KEY]) localStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept there.
  }
  return deleteProfileDB().catch(() => undefined);
}
