import type { Explanation } from '../types/explanation';
import type { Settings } from '../types/settings';
import { createTranslator } from './createTranslator';
import type { SlotVariants } from './getSlotVariants';
import { h } from './h';
import type { PanelStrings } from './panelStrings';

/** What the visitor can do from the panel; each is also the `name` of its button. */
export type PanelAction = 'personalize' | 'pause' | 'download' | 'forget' | 'confirm' | 'cancel' | 'block';

/** Everything the panel body shows. */
export interface PanelBodyState {
  /** From `sdk.explain()`; `undefined` while it loads, or when it failed (`unreadable`). */
  explanation?: Explanation;
  /** `sdk.explain()` failed: only the visitor's choices are shown. */
  unreadable?: boolean;
  /** The visitor's current choices. */
  settings: Settings;
  /** The slot the panel was opened from, if any. */
  slot?: SlotVariants;
  /** "Delete everything" asks for confirmation. */
  confirming: boolean;
  /** The strings, with the page's overrides. */
  strings: PanelStrings;
  /** The page's language (`<html lang>`), for numbers and plural forms. */
  locale?: string;
}

/**
 * Builds the panel's body: the slot's variant, the segment and its reasons, what is stored
 * (with a "Block" button per topic), the visitor's choices and the manifest. Text only through
 * `textContent`; every button is `type="button"` and calls `on(action, topic?)`.
 */
export function createPanelBody({ explanation: e, unreadable, settings, slot, confirming, strings: s, locale }: PanelBodyState, on: (action: PanelAction, topic?: string) => void): HTMLElement {
  const t = createTranslator(s, locale);
  const button = (action: PanelAction, label: string, props: Record<string, string> = {}, topic?: string) =>
    h('button', { type: 'button', name: action, ...props, onclick: () => on(action, topic) }, label);
  const choices = () => [
    h('h3', null, s.choicesHeading),
    settings.paused && h('p', null, s.paused),
    h(
      'div',
      { class: 'r' },
      button('personalize', settings.personalizationOff ? s.personalizeOn : s.personalizeOff),
      button('pause', settings.paused ? s.resume : s.pause),
      button('download', s.download),
      !confirming && button('forget', s.forget),
    ),
    confirming && [
      h('p', { id: 'inkling-confirm' }, s.confirm),
      h('div', { class: 'r', role: 'group', 'aria-labelledby': 'inkling-confirm' }, button('confirm', s.confirmYes, { class: 'y' }), button('cancel', s.cancel)),
    ],
  ];
  // What is stored could not be read: the visitor can still turn it off, pause or delete it.
  if (!e) return h('div', null, unreadable ? choices() : h('p', null, s.loading));

  const shown = slot?.shown ?? [];
  const byDefault = shown.length === 0 || shown.includes('default');
  const topics = e.stored.topics;
  return h(
    'div',
    null,
    slot && [
      h('h3', null, s.slotHeading),
      byDefault
        ? h('p', null, s.slotDefault)
        : [
            // A variant for several segments: the visitor's own, by its label (other segments' ids
            // mean nothing to them, and would read as if they belonged to those too).
            h('p', null, t('slotShown', { segments: shown.includes(e.segment) ? e.label : shown.join(', ') })),
            h('p', null, shown.includes(e.segment) ? t('slotWhy', { label: e.label }) : s.slotEarlier),
            slot.defaultText && h('p', null, t('slotInstead', { text: slot.defaultText })),
          ],
    ],

    h('h3', null, s.segmentHeading),
    e.segment === 'default'
      ? h('p', null, s.noSegment)
      : [h('p', null, h('strong', null, e.label)), e.description && h('p', null, e.description), h('p', null, t('confidence', { words: s[e.confidenceWords] ?? e.confidenceWords }))],
    e.note && h('p', null, t('note', { note: s[e.note] ?? e.note })),
    e.reasons.length > 0 && [h('h3', null, s.reasonsHeading), h('ul', null, e.reasons.map((r) => h('li', null, t('reason', { text: r.text, value: r.value, label: r.label, days: e.stored.days }))))],

    h('h3', null, s.storedHeading),
    h('p', null, e.stored.bytes > 0 ? t(e.stored.days === 1 ? 'storedToday' : 'stored', { bytes: e.stored.bytes, days: e.stored.days }) : s.storedNothing),
    topics.length > 0 &&
      h(
        'ul',
        { class: 't' },
        topics.map(({ topic, count }) =>
          h('li', null, h('span', null, t('topicCount', { topic, count })), button('block', s.block, { 'aria-label': t('blockLabel', { topic }) }, topic)),
        ),
      ),
    settings.blockedTopics.length > 0 && h('p', null, t('blockedTopics', { topics: settings.blockedTopics.join(', ') })),

    choices(),

    e.manifest &&
      h('p', { class: 's' }, e.manifest.issued ? t('manifest', { id: e.manifest.id, date: e.manifest.issued.slice(0, 10) }) : t('manifestUndated', { id: e.manifest.id })),
  );
}
