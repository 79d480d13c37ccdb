// The visitor's segment as React state, without React in the SDK: window.inkling is an external
// store, read with useSyncExternalStore. Copy this file into your app.
import { useSyncExternalStore } from 'react';

/** The running instance, or null before the script tag has loaded (window.inkling is then missing, or an array of queued commands). */
const instance = () => (window.inkling && !Array.isArray(window.inkling) ? window.inkling : null);

// Both are defined once, outside the hook, so React does not resubscribe on every render.
const subscribe = (onChange) => instance()?.on('segmentchange', onChange) ?? (() => {});
const getSnapshot = () => instance()?.segment()?.segment ?? 'default';
const getServerSnapshot = () => 'default';

/** The segment the page shows (`'default'` before a decision); re-renders when it changes. */
export function useSegment() {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
