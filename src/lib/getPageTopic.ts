import { ATTR_TOPIC } from '../constants';

/**
 * The page's own topic: `<body data-inkling-topic>`, else `<meta name="inkling:topic" content>`.
 * Read when a page view starts, so single-page apps that change it per route are followed.
 */
export function getPageTopic(doc: Document = document): string | undefined {
  return (
    doc.body?.getAttribute(ATTR_TOPIC) ||
    doc.querySelector('meta[name="inkling:topic"]')?.getAttribute('content') ||
    undefined
  );
}
