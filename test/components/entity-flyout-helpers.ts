/**
 * Queries and waits that the entity flyout's test files share: mounting the element, reading its
 * fields and actions, and letting a scripted adapter's results arrive.
 */

import { fixture, html, waitUntil } from '@open-wc/testing';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';

/** Mounts a 380 × 700 px flyout on `session` with `adapter`, showing `entityId` when given. */
export async function flyoutWith(
  adapter: IncidentDataAdapter | undefined,
  session: IncidentSession,
  entityId?: string,
): Promise<EntityFlyout> {
  return fixture<EntityFlyout>(
    html`<il-entity-flyout
      style=${styleProperties({ width: '380px', height: '700px' })}
      .session=${session}
      .adapter=${adapter}
      .entityId=${entityId}
    ></il-entity-flyout>`,
  );
}

export function root(el: EntityFlyout): ShadowRoot {
  return el.shadowRoot!;
}

/** Text of the `dd` next to the `dt` with this label, with whitespace collapsed. */
export function fieldText(el: EntityFlyout, label: string): string | undefined {
  const term = [...root(el).querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === label);
  const definition = term?.nextElementSibling as HTMLElement | null | undefined;
  if (!definition) return undefined;
  const code = definition.querySelectorAll('code');
  const items = definition.querySelectorAll('li');
  let text = definition.textContent;
  if (code.length > 0) text = [...code].map((node) => node.textContent).join(' ');
  else if (items.length > 0) text = [...items].map((node) => node.textContent).join(' ');
  return text?.replace(/\s+/g, ' ').trim();
}

export function longValue(el: EntityFlyout, key: string): HTMLElement {
  return root(el).querySelector<HTMLElement>(`.field[data-key="${key}"] .long-value`)!;
}

export function actionItem(el: EntityFlyout, actionId: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`li[data-action-id="${actionId}"]`);
}

export function actionButton(el: EntityFlyout, actionId: string): HTMLButtonElement {
  return actionItem(el, actionId)!.querySelector<HTMLButtonElement>('.action-button')!;
}

/** Waits until the action with this id is listed, for example after another entity is shown. */
export async function actionListed(el: EntityFlyout, actionId: string): Promise<void> {
  await waitUntil(() => actionItem(el, actionId), `the action "${actionId}" never showed`);
}

/** Lets the scripted adapter's results (one task away) arrive and the element render them. */
export async function settle(el: EntityFlyout): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
}

/** Returns the focused element, looking through open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function remediationOf(session: IncidentSession, entityId: string): string | undefined {
  return session.snapshot!.entities.find((entity) => entity.id === entityId)!.remediationStatus;
}

/** Replaces `navigator.clipboard.writeText` and returns a function that restores it. */
export function stubClipboard(writeText: (text: string) => Promise<void>): () => void {
  const clipboard = navigator.clipboard;
  const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
  Object.defineProperty(clipboard, 'writeText', { configurable: true, value: writeText });
  return () => {
    if (original) Object.defineProperty(clipboard, 'writeText', original);
    else delete (clipboard as unknown as Record<string, unknown>).writeText;
  };
}
