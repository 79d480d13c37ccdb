/**
 * An absolute URL for one the page gave: resolved against the document base URL (`<base href>`,
 * else the page's address), as `fetch`, `new Worker()` and `src` attributes resolve theirs.
 * Throws on a URL that cannot be parsed.
 *
 * @example
 * pageUrl('inkling/manifest.json'); // 'https://shop.example/inkling/manifest.json'
 */
export function pageUrl(url: string | URL): string {
  return new URL(url, document.baseURI).href;
}
