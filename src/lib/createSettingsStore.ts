import { SETTINGS_KEY } from '../constants';
import type { Settings } from '../types/settings';

const DEFAULTS: Settings = { paused: false, personalizationOff: false, blockedTopics: [] };

/** The visitor's choices in localStorage: read synchronously at start, so a paused visitor records nothing. */
export interface SettingsStore {
  get(): Settings;
  set(next: Settings): void;
  /** Back to the defaults, with nothing left in storage ("delete everything"). */
  clear(): void;
}

export function createSettingsStore(): SettingsStore {
  let settings: Settings = { ...DEFAULTS };
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<Settings> | null;
    if (saved && typeof saved === 'object') {
      settings = {
        paused: saved.paused === true,
        personalizationOff: saved.personalizationOff === true,
        blockedTopics: Array.isArray(saved.blockedTopics) ? saved.blockedTopics.filter((t) => typeof t === 'string') : [],
      };
    }
  } catch {
    // Unreadable or blocked storage: the defaults apply.
  }
  return {
    get: () => settings,
    set(next) {
      settings = next;
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // The choice holds for this page even when it cannot be stored.
      }
    },
    clear() {
      settings = { ...DEFAULTS };
      try {
        localStorage.removeItem(SETTINGS_KEY);
      } catch {
        // Nothing stored to remove.
      }
    },
  };
}
