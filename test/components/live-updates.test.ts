/**
 * Live updates through the elements: a patch from the adapter adds nodes to the drawn graph
 * without moving the nodes already there, and the flyout and the alert list update in place.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createLiveStaticAdapter } from '../../src/adapter/static-adapter.js';
import '../../src/components/alert-queue/define.js';
import type { AlertQueue } from '../../src/components/alert-queue/alert-queue.js';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import type { Alert, Entity } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { mountGraph, nextFrames } from './incident-graph-helpers.js';

const START = Date.UTC(2026, 2, 14, 9, 0, 0);
const MINUTE = 60_000;
const NEW_IP = 'ip:198.51.100.7';
const NEW_ALERT = 'view-1-alert-3';

function beaconAlert(): Alert {
  return {
    id: NEW_ALERT,
    title: 'Beaconing to a rare external address',
    severity: 'high',
    status: 'new',
    firstActivityTime: START + 45 * MINUTE,
    relatedAlertIds: [],
    mitreTechniques: [],
    evidence: [
      { entityId: 'device:ws-042', roles: [] },
      { entityId: NEW_IP, roles: ['destination'] },
    ],
  };
}

function beaconIp(): Entity {
  return { id: NEW_IP, kind: 'ip', displayName: '198.51.100.7', properties: { ipAddress: '198.51.100.7' } };
}

async function loadedSession() {
  const adapter = createLiveStaticAdapter(viewSnapshot());
  const session = new IncidentSession();
  await session.load(adapter, 'view-1');
  return { adapter, session };
}

describe('live updates in the elements', () => {
  it('keeps every drawn node in place', async () => {
    const { adapter, session } = await loadedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    const before = new Map(graph.mapNodes((node, attributes) => [node, { x: attributes.x, y: attributes.y }] as const));
    expect([...before.values()].every((position) => Number.isFinite(position.x)), 'laid out before the patch').to.equal(true);

    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });
    await element.layoutSettled;
    await nextFrames();

    for (const [node, position] of before) {
      expect({ x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y') }, node).to.deep.equal(position);
    }
    const ip = graph.getNodeAttributes(NEW_IP);
    expect(Number.isFinite(ip.x), 'new node x').to.equal(true);
    expect(Number.isFinite(ip.y), 'new node y').to.equal(true);
    expect(element.toScreen(NEW_IP), 'new node drawn').to.not.equal(undefined);
    expect(element.toScreen(NEW_ALERT), 'new alert drawn').to.not.equal(undefined);
  });

  it('places a new node near its neighbour', async () => {
    const { adapter, session } = await loadedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    const xs = graph.mapNodes((_node, attributes) => attributes.x!);
    const ys = graph.mapNodes((_node, attributes) => attributes.y!);
    const span = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));

    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });
    await element.layoutSettled;

    const alert = graph.getNodeAttributes(NEW_ALERT);
    const ip = graph.getNodeAttributes(NEW_IP);
    const device = graph.getNodeAttributes('device:ws-042');
    expect(Math.hypot(alert.x! - device.x!, alert.y! - device.y!), 'alert to device').to.be.below(span);
    expect(Math.hypot(ip.x! - alert.x!, ip.y! - alert.y!), 'ip to alert').to.be.below(span);
  });

  it('fits new nodes until the user moves the view', async () => {
    const { adapter, session } = await loadedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    // A node placed far away by the host, as a live update with its own position could.
    const farEntity: Entity = { id: 'ip:203.0.113.99', kind: 'ip', displayName: '203.0.113.99', properties: { ipAddress: '203.0.113.99' } };
    adapter.push('view-1', { entities: [farEntity] });
    await element.layoutSettled;
    graph.mergeNodeAttributes(farEntity.id, { x: 5000, y: 5000, fixed: true });
    graph.addNode('marker-structure-change', { kind: 'ip', label: 'marker', x: -5000, y: -5000 });
    await element.layoutSettled;
    await nextFrames();
    await nextFrames();

    for (const id of [farEntity.id, 'marker-structure-change']) {
      const point = element.toScreen(id)!;
      expect(point, `${id} drawn`).to.not.equal(undefined);
      expect(point.x, `${id} x inside the view`).to.be.within(0, element.clientWidth);
      expect(point.y, `${id} y inside the view`).to.be.within(0, element.clientHeight);
    }

    // Once the user has moved the camera, a new node leaves the view where the user put it.
    element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Control' });
    await nextFrames();
    const moved = element.camera;
    graph.addNode('after-user-move', { kind: 'ip', label: 'after', x: 20000, y: 20000 });
    await element.layoutSettled;
    await nextFrames();
    await nextFrames();
    expect(element.camera).to.deep.equal(moved);
  });

  it('shows a changed verdict in the open flyout', async () => {
    const { adapter, session } = await loadedSession();
    session.select({ entityIds: ['user:jdoe'] });
    const flyout = await fixture<EntityFlyout>(html`<il-entity-flyout .session=${session}></il-entity-flyout>`);
    const badge = (): VerdictBadge => flyout.shadowRoot!.querySelector<VerdictBadge>('il-verdict-badge')!;
    expect(badge().verdict, 'not provided before the patch').to.equal(undefined);
    const firstBadge = badge();

    const user = session.snapshot!.entities.find((entity) => entity.id === 'user:jdoe')!;
    adapter.push('view-1', { entities: [{ ...user, verdict: 'malicious' }] });
    await flyout.updateComplete;

    expect(badge().verdict).to.equal('malicious');
    expect(badge(), 'the same badge element').to.equal(firstBadge);
    expect(session.selection.entityIds, 'selection kept').to.deep.equal(['user:jdoe']);
  });

  it('adds a new alert to the alert list', async () => {
    const { adapter, session } = await loadedSession();
    const queue = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
    const rowIds = (): string[] => [...queue.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.alertId!);
    expect(rowIds()).to.not.include(NEW_ALERT);
    const firstRow = queue.shadowRoot!.querySelector('tbody tr');

    adapter.push('view-1', { alerts: [beaconAlert()], entities: [beaconIp()] });
    await queue.updateComplete;

    expect(rowIds()).to.include(NEW_ALERT);
    expect(rowIds()).to.have.length(3);
    expect(queue.shadowRoot!.contains(firstRow), 'existing rows kept').to.equal(true);
  });
});
