/**
 * Resolves when an IndexedDB transaction has committed; rejects when it fails or is aborted.
 * Call it before the transaction's task ends, or its `complete` event may already be gone.
 *
 * @example
 * const tx = db.transaction('buckets', 'readwrite');
 * tx.objectStore('buckets').clear();
 * await whenCommitted(tx);
 */
export function whenCommitted(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    tx.oncomplete = () => resolve();
    tx.onerror = fail;
    tx.onabort = fail;
  });
}
