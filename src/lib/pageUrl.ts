/**
 * A URL the page gave, made absolute: resolved against the document base URL (`<base href>`,
 * else the page's address), as `fetch`, `new Worker()` and `src` attributes resolve theirs.
 * Throws on a URL that cannot be parsed.
 *
 * @example
 * pageUrl('inkling/manifest.json').href; // 'https://shop.example/inkling/manifest.json'
 */
export function pageUrl(url: string | URL): URL {
  return new URL(url, document.baseURI);
}
