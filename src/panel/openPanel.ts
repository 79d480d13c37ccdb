import type { Explanation } from '../types/explanation';
import type { Inkling } from '../types/instance';
import { adoptStyles } from './adoptStyles';
import { createPanelBody, type PanelAction } from './createPanelBody';
import { downloadProfile } from './downloadProfile';
import { fillTemplate } from './fillTemplate';
import { getSlotVariants } from './getSlotVariants';
import { h } from './h';
import type { PanelOptions } from './loadPanel';
import { type PanelStrings, withOverrides } from './panelStrings';
import { panelStyles } from './panelStyles';
import { PANEL_EVENT, PANEL_TAG } from '../constants';

const TITLE_ID = 'inkling-panel-title';

/** Builds the panel once per page (host, shadow root, dialog) and returns the function that opens it. */
function createPanel(nonce?: string) {
  let sdk: Inkling;
  let strings: PanelStrings;
  let slot: Element | undefined;
  let opener: Element | null | undefined;
  let explanation: Explanation | undefined;
  let unreadable = false;
  let confirming = false;

  const host = document.createElement(PANEL_TAG);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, panelStyles, nonce);
  // Focus starts on the title, so a screen reader reads the panel from its beginning.
  const title = h('h2', { id: TITLE_ID, tabindex: '-1' });
  const body = h('div', { class: 'b' });
  const status = h('p', { role: 'status' });
  const close = h('button', { type: 'button', onclick: () => dialog.close() });
  // A native modal <dialog>: focus moves in and stays in, the page behind is inert, Esc closes it.
  const dialog = h('dialog', { 'aria-labelledby': TITLE_ID }, h('div', { class: 'hd' }, title), body, h('div', { class: 'ft' }, status, close));
  root.append(dialog);
  // A modal dialog lets Tab leave for the browser's own UI; keep it cycling through the panel instead.
  dialog.addEventListener('keydown', (event) => {
    const buttons = [...dialog.querySelectorAll('button')];
    const current = root.activeElement;
    const edge = event.shiftKey ? current === title || current === buttons[0] : current === buttons[buttons.length - 1];
    // WebKitGTK reports Shift+Tab as key "Unidentified" (GTK's ISO_Left_Tab), code "Tab".
    if ((event.key === 'Tab' || event.code === 'Tab') && edge) {
      event.preventDefault();
      buttons[event.shiftKey ? buttons.length - 1 : 0]?.focus();
    }
  });
  dialog.addEventListener('close', () => {
    host.remove();
    dispatchEvent(new Event(PANEL_EVENT));
    if (opener?.isConnected) (opener as HTMLElement).focus?.();
  });

  /** Rebuilds the body; focus goes to the button named `focus`, or stays at the same place in the list. */
  const render = (focus?: string) => {
    const buttons = () => [...body.querySelectorAll('button')];
    const index = buttons().indexOf(root.activeElement as HTMLButtonElement);
    body.replaceChildren(createPanelBody({ explanation, unreadable, settings: sdk.settings(), slot: slot && getSlotVariants(slot), confirming, strings, locale: document.documentElement.lang || undefined }, act));
    const list = buttons();
    (focus ? list.find((b) => b.name === focus) : index >= 0 ? (list[index] ?? list[list.length - 1]) : undefined)?.focus();
  };

  /**
   * Asks for a fresh explanation. When it cannot be had (storage failed while the page was open,
   * the engine stopped), the body still offers the visitor's choices, "Delete everything" first
   * among them, and the status line says something went wrong unless it already says how an
   * action went.
   */
  const explain = async () => {
    try {
      explanation = await sdk.explain();
      unreadable = false;
    } catch {
      explanation = undefined;
      unreadable = true;
      status.textContent ||= strings.failed;
    }
  };

  /** Runs a visitor's action, then shows a fresh explanation. */
  const act = async (action: PanelAction, topic?: string) => {
    // Focus follows the control by name: the lists above it may change when the explanation is redrawn.
    let focus: string | undefined = topic ? undefined : action;
    status.textContent = '';
    try {
      if (action === 'personalize') sdk.personalize(sdk.settings().personalizationOff);
      else if (action === 'pause') sdk[sdk.settings().paused ? 'resume' : 'pause']();
      else if (action === 'download') await downloadProfile(sdk, dialog);
      else if (action === 'forget' || action === 'cancel') {
        // Deleting asks first, inside the dialog; focus goes to the safe choice.
        confirming = action === 'forget';
        focus = confirming ? 'cancel' : 'forget';
      } else if (action === 'confirm') {
        await sdk.forget();
        confirming = false;
        focus = 'forget';
        status.textContent = strings.deleted;
      } else if (topic) {
        await sdk.blockTopic(topic);
        status.textContent = fillTemplate(strings.blockedDone, { topic });
      }
    } catch {
      status.textContent = strings.failed;
    }
    await explain();
    render(focus);
  };

  return async (next: Inkling, options: PanelOptions) => {
    sdk = next;
    // Taken off the page while open (by another copy of this module, or the page itself), it
    // stays "open" but is no longer modal: it counts as closed, so it opens modal again.
    if (!host.isConnected) dialog.removeAttribute('open');
    strings = withOverrides(options.strings);
    slot = options.slot;
    if (!dialog.open) opener = options.opener;
    explanation = undefined;
    unreadable = false;
    confirming = false;
    status.textContent = '';
    title.textContent = strings.title;
    close.textContent = strings.close;
    render();
    // One panel per page, even if another copy of this module was loaded from another URL.
    for (const other of document.querySelectorAll(PANEL_TAG)) if (other !== host) other.remove();
    if (!host.isConnected) document.body.append(host);
    if (!dialog.open) {
      dialog.showModal();
      dispatchEvent(new Event(PANEL_EVENT));
    }
    title.focus();
    await explain();
    render();
  };
}

let open: ReturnType<typeof createPanel> | undefined;

/**
 * Opens the "why am I seeing this" panel: a modal dialog in its own Shadow DOM explaining the
 * visitor's segment (and, when opened from a slot, that slot's variant), what is stored, and the
 * visitor's choices. The core loads this file on first use; opening again reuses the panel.
 *
 * @example
 * // The core calls it for [data-inkling-explain] elements and "why?" buttons; pages call:
 * await window.inkling.openPanel(document.querySelector('[data-inkling-slot="hero"]'));
 */
export function openPanel(sdk: Inkling, options: PanelOptions = {}): Promise<void> {
  open ??= createPanel(options.nonce);
  return open(sdk, options);
}
