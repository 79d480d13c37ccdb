import type { Manifest } from './manifest';

/** The last good manifest fetched from a URL, kept for offline use and conditional requests. */
export interface CachedManifest {
  /** The URL it was fetched from. */
  url: string;
  /** The manifest, already checked and verified. */
  manifest: Manifest;
  /** The response's ETag, sent back as `If-None-Match`. */
  etag?: string;
  /** Epoch milliseconds when it was stored. */
  storedAt: number;
}
