import { DB_NAME, DECISION_CACHE_KEY, OUTBOX_KEY, SETTINGS_KEY } from '../constants';

/**
 * Removes everything Inkling keeps in this origin's localStorage and deletes its IndexedDB
 * database, without the engine: for instances that never started one (an opt-out signal).
 */
export function deleteEverything(): Promise<void> {
  try {
    for (const key of [DECISION_CACHE_KEY, OUTBOX_KEY, SETTINGS_KEY]) localStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept there.
  }
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
