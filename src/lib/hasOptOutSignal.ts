interface OptOutNavigator {
  globalPrivacyControl?: boolean;
  doNotTrack?: string | null;
  msDoNotTrack?: string;
}

/**
 * Whether the visitor's browser asks sites not to track them: Global Privacy Control
 * (`navigator.globalPrivacyControl`) or Do-Not-Track (`navigator.doNotTrack`, and the older
 * `window.doNotTrack` / `navigator.msDoNotTrack`).
 */
export function hasOptOutSignal(nav: Navigator = navigator, win: Window = window): boolean {
  const n = nav as Navigator & OptOutNavigator;
  const dnt = n.doNotTrack ?? (win as Window & { doNotTrack?: string }).doNotTrack ?? n.msDoNotTrack;
  return n.globalPrivacyControl === true || dnt === '1' || dnt === 'yes';
}
