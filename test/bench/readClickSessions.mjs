// Real click sequences for `npm run bench`: the first sessions of UCI 553, "Clickstream Data for
// Online Shopping" (Łapczyński & Białowąs 2013, CC BY 4.0; see README, "Example: real shoppers"), read from
// ../shared/data/ beside the project. Nothing of it is committed here.
//
// Each click keeps its session's order and its shop category (1 trousers, 2 skirts, 3 blouses,
// 4 sale) and clothing model (A13, B4, P67…), which the bench maps onto the demo's sections and
// card buttons.
import { existsSync, readFileSync } from 'node:fs';

export const CLICK_DATA = new URL('../../../shared/data/e-shop_clothing_2008.csv', import.meta.url);

/**
 * The first `count` clicks of the data set, session after session in the order they first
 * appear, each session's clicks by their `order` column; null when the file is not there.
 * @returns {{ session: string, category: number, model: string }[] | null}
 */
export function readClickSessions(count, file = CLICK_DATA) {
  if (!existsSync(file)) return null;
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const columns = header.split(';');
  const at = (name) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${file.pathname ?? file}: no column "${name}"`);
    return i;
  };
  const [order, session, category, model] = [at('order'), at('session ID'), at('page 1 (main category)'), at('page 2 (clothing model)')];
  /** @type {Map<string, { order: number, category: number, model: string }[]>} */
  const sessions = new Map();
  let taken = 0;
  for (const line of lines) {
    if (!line) continue;
    const cells = line.split(';');
    const id = cells[session];
    if (!sessions.has(id)) {
      if (taken >= count) break; // a complete last session is read on, not a new one begun
      sessions.set(id, []);
    }
    const category_ = Number(cells[category]);
    if (!(category_ >= 1 && category_ <= 4)) throw new Error(`${file.pathname ?? file}: bad category ${JSON.stringify(cells[category])} in session ${id}`);
    sessions.get(id).push({ order: Number(cells[order]), category: category_, model: cells[model] });
    taken++;
  }
  const clicks = [...sessions].flatMap(([id, list]) => list.sort((a, b) => a.order - b.order).map(({ category: c, model: m }) => ({ session: id, category: c, model: m })));
  return clicks.slice(0, count);
}
