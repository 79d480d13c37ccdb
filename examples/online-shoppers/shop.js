// Northwind Goods: the three custom signals the online-shoppers manifest reads, in the data set's
// sense: `page-value` (the value of a page seen before a purchase), `bounce` (a page left at once)
// and `exit` (the page that ended the visit). The command queue works before and after Inkling loads.
(() => {
  const track = (name, value) => (window.inkling = window.inkling || []).push(['track', name, { value }]);
  let openedAt = Date.now();
  let interacted = false; // a click or a key press: the visitor engaged, so leaving is no bounce
  let stayingInShop = false; // followed a link to this shop: leaving for it does not end the visit

  const capture = { capture: true };
  addEventListener('click', (event) => {
    interacted = true;
    const link = event.target instanceof Element && event.target.closest('a[href]');
    // A modified click opens the link elsewhere and leaves this page where it is.
    if (link && link.origin === location.origin && !(event.ctrlKey || event.metaKey || event.shiftKey)) stayingInShop = true;
  }, capture);
  addEventListener('keydown', () => (interacted = true), capture);
  addEventListener('submit', (event) => (stayingInShop ||= new URL(event.target.action).origin === location.origin), capture);

  // This file loads before inkling.js, so this capturing listener runs before Inkling's own
  // pagehide flush, and these signals leave with the page's last batch.
  addEventListener('pagehide', () => {
    if (!stayingInShop) track('exit', 1);
    if (!interacted && Date.now() - openedAt < 10_000) track('bounce', 1);
  }, capture);
  // Back from the back/forward cache: a fresh look at the page.
  addEventListener('pageshow', (event) => {
    if (event.persisted) [openedAt, interacted, stayingInShop] = [Date.now(), false, false];
  }, capture);

  // <head> runs this file before <body> exists.
  document.addEventListener('DOMContentLoaded', () => {
    const value = document.body.getAttribute('data-page-value');
    if (value && Number.isFinite(Number(value))) track('page-value', Number(value));
  });
})();
