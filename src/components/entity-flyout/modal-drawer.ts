/**
 * The flyout's modal drawer: a `dialog` shown with `showModal()`, and its focus handling.
 * It remembers what had focus when the drawer opened, keeps Tab and Shift+Tab inside the
 * drawer, and gives focus back when it closes.
 *
 * `showModal()` already makes the rest of the page inert, but Chromium then lets Tab leave
 * the last control for the browser's own toolbar. The drawer wraps focus itself so that Tab
 * cycles through its controls only.
 */

import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { FlyoutCloseReason } from './events.js';

/** The element that renders the drawer in its shadow root. */
export interface DrawerHost extends ReactiveElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface DrawerOptions {
  /** Returns true while the drawer should be shown. */
  shown: () => boolean;
  /** Called for a close request that reaches the dialog: a click on the backdrop, or the browser's own Escape or back gesture. */
  onCloseRequest: (reason: FlyoutCloseReason) => void;
  /** Called when the dialog closed without the host asking, to keep the host's state in step. */
  onClosed: () => void;
}

export class ModalDrawerController implements ReactiveController {
  private readonly host: DrawerHost;
  private readonly options: DrawerOptions;
  /** The element that had focus when the drawer opened, to give focus back on close. */
  private opener: Element | undefined = undefined;

  constructor(host: DrawerHost, options: DrawerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Wraps the flyout's content in the drawer's `dialog`, named `label`. */
  render(label: string, content: TemplateResult): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-label=${label}
      @cancel=${this.handleCancel}
      @close=${this.handleClose}
      @click=${this.handleClick}
    >
      ${content}
    </dialog>`;
  }

  /** Opens or closes the dialog to match `shown()`, and moves focus with it. */
  hostUpdated(): void {
    const dialog = this.dialog();
    const shown = this.options.shown() && this.host.isConnected;

    if (shown && dialog && !dialog.open) {
      this.opener = deepActiveElement() ?? undefined;
      dialog.showModal();
      const root = this.host.renderRoot;
      const title = root.querySelector<HTMLElement>('[part~="title"]');
      (title ?? root.querySelector<HTMLElement>('[part~="close-button"]'))?.focus();
      return;
    }

    if (shown) return;
    if (dialog?.open) dialog.close();
    this.giveFocusBack();
  }

  /** Gives focus back to the opener, because a drawer removed while open takes its focus with it. */
  hostDisconnected(): void {
    this.giveFocusBack();
  }

  /** Keeps Tab inside the open drawer. Returns true when it moved focus. */
  handleTab(event: KeyboardEvent): boolean {
    const dialog = this.dialog();
    if (!dialog?.open) return false;
    return wrapTabFocus(event, dialog, deepActiveElement(this.host.renderRoot as ShadowRoot));
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
  }

  private giveFocusBack(): void {
    const opener = this.opener;
    this.opener = undefined;
    if (opener) restoreFocus(opener);
  }

  /** Handles a close request that came without a key press the host saw, for example a back gesture. */
  private readonly handleCancel = (event: Event): void => {
    event.preventDefault();
    this.options.onCloseRequest('escape');
  };

  /** The dialog closed by itself: the host's state follows. */
  private readonly handleClose = (): void => {
    if (this.options.shown()) this.options.onClosed();
  };

  /** A click on the dialog element itself, outside its box, is a click on the backdrop. */
  private readonly handleClick = (event: MouseEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;

    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.options.onCloseRequest('backdrop');
  };
}

/** Returns the element that has focus, looking inside open shadow roots. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Returns the elements inside `root` that Tab reaches, in tree order, entering open shadow
 * roots. Positive `tabindex` values are treated like 0: the flyout uses none.
 */
export function tabbableElements(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  visit(root, found);
  return found;
}

function visit(node: Element | ShadowRoot, found: HTMLElement[]): void {
  for (const child of Array.from(node.children)) {
    if (!(child instanceof HTMLElement) && !(child instanceof SVGElement)) continue;
    if (child instanceof HTMLElement && (child.hidden || child.inert)) continue;

    if (child instanceof HTMLElement && isTabbable(child)) found.push(child);
    if (child.shadowRoot) visit(child.shadowRoot, found);
    else if (child instanceof HTMLSlotElement) {
      for (const assigned of child.assignedElements({ flatten: true })) visit(wrapper(assigned), found);
    } else visit(child, found);
  }
}

/** Lets `visit` treat an assigned element like a parent whose only child is that element. */
function wrapper(element: Element): Element {
  return { children: [element] } as unknown as Element;
}

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0) return false;
  if ('disabled' in element && (element as HTMLButtonElement).disabled) return false;
  return element.checkVisibility();
}

/**
 * Moves focus to the other end of the drawer when Tab would leave it. Returns true when it
 * moved focus, so the caller prevents the browser's own move.
 */
export function wrapTabFocus(event: KeyboardEvent, container: Element | ShadowRoot, active: Element | null): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;

  const tabbable = tabbableElements(container);
  if (tabbable.length === 0) return false;
  const first = tabbable[0]!;
  const last = tabbable[tabbable.length - 1]!;
  const index = active instanceof HTMLElement ? tabbable.indexOf(active) : -1;

  // Focus on a control that Tab skips, like the title, moves on by the browser's own rule.
  if (index === -1 && active !== null && composedContains(container, active)) return false;

  if (event.shiftKey && index <= 0) {
    last.focus();
    return true;
  }
  if (!event.shiftKey && (index === tabbable.length - 1 || index === -1)) {
    first.focus();
    return true;
  }
  return false;
}

/** Returns true when `node` is inside `container`, also through shadow roots. */
function composedContains(container: Node, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === container) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Gives focus back to `element` if it is still on the page and can take it. */
export function restoreFocus(element: Element | undefined): void {
  if (!(element instanceof HTMLElement || element instanceof SVGElement) || !element.isConnected) return;
  element.focus({ preventScroll: true });
}
