/** A tiny typed event emitter. Listeners that throw are isolated from each other and from the SDK. */
export interface Emitter<Events extends Record<string, unknown>> {
  /** Registers `fn` for `type`; returns a function that unregisters it. */
  on<K extends keyof Events>(type: K, fn: (payload: Events[K]) => void): () => void;
  /** Calls every listener of `type` with `payload`. */
  emit<K extends keyof Events>(type: K, payload: Events[K]): void;
}

export function createEmitter<Events extends Record<string, unknown>>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(type, fn) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit(type, payload) {
      for (const fn of [...(listeners.get(type) ?? [])]) {
        try {
          (fn as (p: typeof payload) => void)(payload);
        } catch (e) {
          // A site's listener failing must not stop the SDK or the other listeners.
          setTimeout(() => {
            throw e;
          });
        }
      }
    },
  };
}
