import { DB_NAME } from '../constants';

/**
 * Deletes the profile database ("delete everything"). Open connections, in this tab and others,
 * close themselves on the `versionchange` this causes. One that stays open (a tab of an old
 * release) blocks the deletion: it resolves then too, rather than holding "delete everything"
 * for as long as that tab lives; the browser deletes the database once the tab closes, and
 * every store was emptied beforehand. Rejects when IndexedDB refuses the request.
 *
 * @example
 * await store.clear();
 * await deleteProfileDB();
 */
export function deleteProfileDB(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
