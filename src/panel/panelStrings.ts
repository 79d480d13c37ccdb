/**
 * Every string the panel shows, in English. Pages override any of them (i18n) with
 * `init({ panelStrings })`; `{placeholders}` are filled in, numbers as the page's language
 * (`<html lang>`) writes them. A string counted by a number (see `PLURAL_BY`) may have plural
 * forms, `key_zero`, `key_one`, `key_two`, `key_few` and `key_many` (the categories of
 * `Intl.PluralRules`), each used when the page's language puts the number in that category.
 * The engine's own sentences (its notes, e.g. "not enough activity yet") may be translated too,
 * by using them as keys.
 */
export const panelStrings = {
  title: 'Why am I seeing this?',
  close: 'Close',
  loading: 'Loading…',
  failed: 'Something went wrong. Please try again.',

  slotHeading: 'About this part of the page',
  slotDefault: 'It shows the default version, the same for everyone.',
  slotShown: 'It shows the version for {segments}.',
  slotWhy: 'It was picked because your activity matches “{label}”.',
  slotEarlier: 'It was picked on an earlier page and follows your activity on the next one.',
  slotInstead: 'Without personalization you would see: “{text}”',

  segmentHeading: 'What this site thinks you like',
  noSegment: 'Nothing yet: you see the same content as everyone.',
  confidence: 'How sure: {words}.',
  'very sure': 'very sure',
  'fairly sure': 'fairly sure',
  'not sure': 'not sure',
  note: 'Why: {note}.',
  reasonsHeading: 'Because of your recent activity',
  // Also {value} (the number), {label} (the manifest's feature label) and {days} (the window).
  reason: '{text}',

  storedHeading: 'What is kept on this device',
  stored: '{bytes} bytes about the past {days} days. Nothing leaves this device.',
  storedToday: '{bytes} bytes about today. Nothing leaves this device.',
  storedNothing: 'Nothing is kept. Nothing leaves this device.',
  topicCount: '{topic}: {count} events',
  topicCount_one: '{topic}: {count} event',
  block: 'Block',
  blockLabel: 'Block {topic}',
  blockedTopics: 'Never tracked: {topics}.',
  blockedDone: '“{topic}” is blocked and its data deleted.',

  choicesHeading: 'Your choices',
  personalizeOff: 'Show default content',
  personalizeOn: 'Turn personalization back on',
  paused: 'Tracking is paused: nothing new is recorded.',
  pause: 'Pause tracking',
  resume: 'Resume tracking',
  download: 'Download my data',
  forget: 'Delete everything',
  confirm: 'Delete everything kept about you on this device? This cannot be undone.',
  confirmYes: 'Yes, delete everything',
  cancel: 'Cancel',
  deleted: 'Everything was deleted.',

  manifest: 'Segments: {id}, issued {date}.',
  manifestUndated: 'Segments: {id}.',
};

/** The number that picks the plural form of each counted string. */
export const PLURAL_BY: Record<string, string> = { topicCount: 'count', stored: 'days', reason: 'value' };

/** The panel's strings, after a page's overrides. */
export type PanelStrings = typeof panelStrings & Record<string, string>;

const placeholders = (s: string) => s.match(/\{\w+\}/g) ?? [];
/** The placeholders an override of `key` must keep: a plural form may write its number out ("1 event"). */
function required(key: string): string[] {
  const [, base = key, form] = /^(\w+)_(zero|one|two|few|many|other)$/.exec(key) ?? [];
  const english = (panelStrings as Record<string, string>)[base];
  if (!english || base === 'reason') return [];
  return placeholders(english).filter((p) => !form || p !== `{${PLURAL_BY[base]}}`);
}

/**
 * The English strings with a page's overrides. An override is taken when it is a string that
 * keeps every `{placeholder}` of the English one (`reason` may use any of its own): a missing
 * translation (`undefined`) or one that drops `{topic}` keeps the English string, rather than
 * show an empty button or rows the visitor cannot tell apart.
 */
export function withOverrides(overrides: Record<string, unknown> = {}): PanelStrings {
  const strings: Record<string, string> = { ...panelStrings };
  for (const [key, value] of Object.entries(overrides)) {
    const missing = typeof value === 'string' ? required(key).filter((p) => !value.includes(p)) : [];
    if (typeof value === 'string' && missing.length === 0) strings[key] = value;
    // A translator's slip: said once per opening, to the developer, in the console.
    else if (value !== undefined) console.warn(`Inkling panelStrings.${key} is not used: ${typeof value === 'string' ? `it drops ${missing.join(' ')}` : 'it is not a string'}`);
  }
  return strings as PanelStrings;
}
