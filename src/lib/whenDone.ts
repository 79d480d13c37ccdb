/**
 * Resolves with an IndexedDB request's result, or rejects with its error. Awaiting it inside a
 * transaction keeps the transaction open: the continuation runs in the success event's microtasks.
 *
 * @example
 * const bucket = await whenDone(store.get(key));
 */
export function whenDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
