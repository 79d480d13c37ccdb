import { fillTemplate } from './fillTemplate';
import { type PanelStrings, PLURAL_BY } from './panelStrings';

/** Intl's constructors throw on a malformed language tag (`en_US`): the browser's language then. */
function inLocale<T>(make: (locale?: string) => T, locale?: string): T {
  try {
    return make(locale);
  } catch {
    return make();
  }
}

/**
 * The panel's `t(key, values)`: a string with its `{placeholders}` filled, numbers written as
 * the page's language writes them (`1.234` in German), and, when the page gave one, the plural
 * form its language needs for the number (`topicCount_few`, chosen by `Intl.PluralRules`).
 *
 * @example
 * const t = createTranslator(withOverrides({ topicCount_few: '{topic}: {count} zdarzenia' }), 'pl');
 * t('topicCount', { topic: 'namioty', count: 3 }); // 'namioty: 3 zdarzenia'
 */
export function createTranslator(strings: PanelStrings, locale?: string): (key: string, values?: Record<string, string | number>) => string {
  const numbers = inLocale((l) => new Intl.NumberFormat(l), locale);
  const plurals = inLocale((l) => new Intl.PluralRules(l), locale);
  return (key, values = {}) => {
    const count = values[PLURAL_BY[key] ?? ''];
    const form = typeof count === 'number' ? strings[`${key}_${plurals.select(count)}`] : undefined;
    const written: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) written[name] = typeof value === 'number' ? numbers.format(value) : value;
    return fillTemplate(form ?? strings[key] ?? key, written);
  };
}
