import type { Inkling } from '../types/instance';
import { h } from './h';

/**
 * "Download my data": saves `sdk.export()` as `inkling-profile.json` through a Blob URL and a
 * clicked `<a download>`, placed in `parent` (inside the modal dialog, where it is not inert).
 */
export async function downloadProfile(sdk: Inkling, parent: Element): Promise<void> {
  const data = await sdk.export();
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = h('a', { href: url, download: 'inkling-profile.json', hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  // Revoked once the download has started: revoking at once can cancel it in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
