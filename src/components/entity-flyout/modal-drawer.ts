/**
 * Focus handling of the flyout's modal drawer: remember what had focus when the drawer opened,
 * keep Tab and Shift+Tab inside the drawer, and give focus back when it closes.
 *
 * `showModal()` already makes the rest of the page inert, but Chromium then lets Tab leave
 * the last control for the browser's own toolbar. The drawer wraps focus itself so that Tab
 * cycles through its controls only.
 */

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
