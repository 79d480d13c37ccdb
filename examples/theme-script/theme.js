// A theme script: reacts to Inkling's decision with DOM APIs only (no innerHTML).
// It runs in <head> before the SDK has loaded, so it queues its listeners on window.inkling;
// the SDK replays the queue when it starts.

/** The topic each segment cares about most (segment ids are the manifest's). */
const TOPIC = { camper: 'tents', cyclist: 'bikes', runner: 'running', climber: 'climbing', 'camp-cook': 'camp-kitchen' };

let original; // the cards in the page's own order

function render(decision) {
  const list = document.getElementById('products');
  const heading = document.getElementById('recommended-heading');
  const why = document.getElementById('recommended-why');
  original ??= [...list.children];
  const personal = decision && decision.segment !== 'default';
  const topic = personal ? TOPIC[decision.segment] : undefined;

  heading.textContent = personal ? `Recommended for you: ${decision.label}` : 'Popular right now';
  why.textContent = personal && decision.reasons.length > 0 ? `Because of your ${decision.reasons[0].label}.` : 'Everything, in no particular order.';

  // The segment's topic first, the rest in the page's order. moveBefore keeps focus on a moved
  // card's button (where supported); insertBefore is the fallback.
  const cards = [...original.filter((c) => c.dataset.inklingTopic === topic), ...original.filter((c) => c.dataset.inklingTopic !== topic)];
  cards.forEach((card, i) => {
    const at = list.children[i];
    if (at !== card) (list.moveBefore ?? list.insertBefore).call(list, card, at);
  });
}

/** Renders once the page is parsed: a decision may arrive while <body> is still loading. */
function whenParsed(decision) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => render(decision), { once: true });
  else render(decision);
}

const inkling = (window.inkling = window.inkling || []);
inkling.push(['on', 'segmentchange', whenParsed]);
// A returning visitor's segment is restored from the last page without a segmentchange: `ready`
// brings the engine's decision (with its label) in every case.
inkling.push(['on', 'ready', whenParsed]);
