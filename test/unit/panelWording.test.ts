// What the visitor panel says: the wording of explainDecision() and the panel body built from it
// (happy-dom, logic only; the panel's behaviour in real browsers is in test/e2e/panel.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { decide } from '../../src/model/decide';
import { explainDecision } from '../../src/model/explainDecision';
import { createPanelBody } from '../../src/panel/createPanelBody';
import { getSlotVariants } from '../../src/panel/getSlotVariants';
import { openPanel } from '../../src/panel/openPanel';
import { withOverrides } from '../../src/panel/panelStrings';
import type { Explanation } from '../../src/types/explanation';
import type { Inkling } from '../../src/types/instance';
import type { Manifest } from '../../src/types/manifest';
import type { ProfileBucket } from '../../src/types/profile';
import { twoFeatureManifest } from '../support/twoFeatureManifest';

const TODAY = 20_777;
const NOW = Date.UTC(2026, 10, 20, 12);
const settings = { paused: false, personalizationOff: false, blockedTopics: [] };

/** The decide tests' manifest, dated, with a window of `days`. */
const manifest = (days = 30): Manifest => twoFeatureManifest({ issued: '2026-11-20T00:00:00Z', window: { days, halfLifeDays: 7 } });
const clicks = (count: number, topic = 'tents', day = TODAY): ProfileBucket => ({ day, signal: 'click', topic, action: '', count, sum: count, max: 1 });

/** Explains `buckets` against `m` as the engine does. */
const explain = (buckets: ProfileBucket[], m: Manifest | null = manifest()) =>
  explainDecision(m ? decide(buckets, m, NOW, TODAY) : null, m ?? undefined, buckets, settings, TODAY);

/** The panel body's text for an explanation, with `strings` overriding the English ones. */
const bodyText = (e: Explanation, strings: Record<string, string> = {}, slot?: ReturnType<typeof getSlotVariants>, locale?: string) =>
  createPanelBody({ explanation: e, settings, slot, confirming: false, strings: withOverrides(strings), locale }, () => {}).textContent ?? '';

describe('the panel wording', () => {
  it('names the visitor\'s own segment for a variant shared by several, not the others by their ids', () => {
    const e = explain([clicks(6)]);
    expect(e.segment).toBe('camper');
    const text = bodyText(e, {}, { shown: ['camper', 'power-buyer'] });
    expect(text).toContain('It shows the version for Weekend camper.');
    expect(text).not.toContain('power-buyer');
  });

  it('says "today", not "in the past 1 days", for a one-day window', () => {
    const e = explain([clicks(5)], manifest(1));
    expect(e.reasons[0]?.text).toBe('5 tent pages clicked today');
    expect(bodyText(e)).not.toMatch(/\b1 days\b/);
    expect(bodyText(e)).toContain('about today');
  });

  it('does not say "the past 0 days" about what is kept while no manifest is loaded', () => {
    const e = explain([clicks(3, 'tents', TODAY - 2)], null);
    expect(e.stored.days).toBe(3);
    expect(bodyText(e)).not.toContain('0 days');
    expect(bodyText(e)).toContain('the past 3 days');
  });

  it('lets a translated reason use the feature label, the number and the window', () => {
    const e = explain([clicks(5)]);
    const text = bodyText(e, { reason: '{value} × {label} ({days} derniers jours)' });
    expect(text).toContain('5 × tent pages clicked (30 derniers jours)');
  });

  it('counts stored bytes as UTF-8, as a topic in any script takes them', () => {
    const ascii = explain([clicks(1, 'camping')]).stored.bytes;
    const unicode = explain([clicks(1, '露營用品')]).stored.bytes;
    // Four CJK characters are 12 bytes in UTF-8, against 7 for "camping".
    expect(unicode - ascii).toBe(12 - 7);
  });

  it('shortens a long default text without splitting a character in two', () => {
    const slot = document.createElement('section');
    slot.innerHTML = `<div data-inkling-variant="default">${'a'.repeat(78)}😀😀 more text</div><div data-inkling-variant="camper" hidden>x</div>`;
    const text = getSlotVariants(slot).defaultText ?? '';
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('uses the plural form the page\'s language needs for a count, as a translation gives them', () => {
    const e = explain([clicks(1, 'namioty'), clicks(3, 'rowery'), clicks(5, 'książki'), clicks(22, 'buty')]);
    const polish = { topicCount_one: '{topic}: {count} zdarzenie', topicCount_few: '{topic}: {count} zdarzenia', topicCount: '{topic}: {count} zdarzeń' };
    const text = bodyText(e, polish, undefined, 'pl');
    for (const line of ['namioty: 1 zdarzenie', 'rowery: 3 zdarzenia', 'książki: 5 zdarzeń', 'buty: 22 zdarzenia']) expect(text).toContain(line);
    // English needs no override: one event, two events.
    const english = bodyText(explain([clicks(1, 'tents'), clicks(2, 'bikes')]));
    expect(english).toMatch(/tents: 1 event(?!s)/);
    expect(english).toContain('bikes: 2 events');
  });

  it('writes numbers as the page\'s language does, and survives a malformed language tag', () => {
    const e = { ...explain([clicks(5)]), stored: { topics: [{ topic: 'tents', count: 1234 }], days: 30, bytes: 12_345 } };
    const german = bodyText(e, { reason: '{value} × {label}' }, undefined, 'de');
    expect(german).toContain('12.345 bytes');
    expect(german).toContain('tents: 1.234 events');
    expect(bodyText(e)).toContain('12,345 bytes');
    expect(bodyText({ ...e, reasons: [{ ...e.reasons[0]!, value: 2.5 }] }, { reason: '{value} × {label}' }, undefined, 'de')).toContain('2,5 × tent pages clicked');
    expect(bodyText(e, {}, undefined, 'en_US')).toContain('12,345 bytes');
  });

  it('refuses a plural form that drops a {placeholder}, but lets it write its number out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const strings = withOverrides({ topicCount_few: '{count} zdarzenia', topicCount_one: '{topic}: jedno zdarzenie' });
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['Inkling panelStrings.topicCount_few is not used: it drops {topic}']);
    warn.mockRestore();
    expect(strings.topicCount_one).toBe('{topic}: jedno zdarzenie');
    expect(strings.topicCount_few).toBeUndefined();
  });

  it('keeps the English string for an override that is not a string, or that drops a {placeholder}', async () => {
    const sdk = { settings: () => settings, explain: async () => explain([clicks(2, 'tents'), clicks(1, 'bikes')]) } as unknown as Inkling;
    // As an i18n lookup gives them: a missing translation is undefined; a careless one drops {topic}.
    const strings = { title: undefined, block: undefined, blockLabel: 'Bloquer', topicCount: '{count} événements', close: 'Fermer' } as unknown as Record<string, string>;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await openPanel(sdk, { strings });
    await new Promise((r) => setTimeout(r, 0));
    // The developer hears which overrides were refused, and why; a missing one is no slip.
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['Inkling panelStrings.blockLabel is not used: it drops {topic}', 'Inkling panelStrings.topicCount is not used: it drops {topic}']);
    warn.mockRestore();
    const root = document.querySelector('inkling-panel')!.shadowRoot!;
    const labels = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(root.querySelector('h2')!.textContent).toBe('Why am I seeing this?');
    expect(labels).toEqual(expect.arrayContaining(['Block tents', 'Block bikes', 'Fermer']));
    expect([...root.querySelectorAll('.t li button')].map((b) => b.textContent)).toEqual(['Block', 'Block']);
    expect(root.textContent).toContain('tents: 2 events');
    root.querySelector('dialog')!.close();
  });
});
