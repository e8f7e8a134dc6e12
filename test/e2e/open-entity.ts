/** Opening an entity of `il-incident-view` the way a user does, for the demo's end-to-end tests. */

import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';

/** Clicks a graph node of the view with the real mouse and returns the flyout once it shows the entity. */
export async function openEntity(view: IncidentView, entityId: string): Promise<EntityFlyout> {
  const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
  await graph.layoutSettled;
  await graph.fit();
  const point = graph.toScreen(entityId)!;
  const box = graph.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
  await view.updateComplete;

  const flyout = view.shadowRoot!.querySelector<EntityFlyout>('il-entity-flyout');
  if (!flyout) throw new Error(`openEntity: no flyout opened for ${entityId}.`);
  await flyout.updateComplete;
  await waitUntil(() => flyout.shadowRoot!.querySelector(`[data-entity-id="${CSS.escape(entityId)}"]`), `the flyout never showed ${entityId}`);
  return flyout;
}
