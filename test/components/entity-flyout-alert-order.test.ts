/**
 * Alerts of one instant come in one order everywhere: the timeline's stack, the graph's
 * listbox, the alert queue and the entity flyout's alert list. The flyout's list also leaves
 * out alerts outside a time range, as the graph does.
 */

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/alert-queue/define.js';
import '../../src/components/alert-timeline/define.js';
import '../../src/components/entity-flyout/define.js';
import type { AlertQueue } from '../../src/components/alert-queue/alert-queue.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import { alertsOfEntity } from '../../src/components/entity-flyout/entity-links.js';
import type { Alert, IncidentSnapshot, Severity } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { TIMELINE_START, timelineAlert } from '../fixtures/timeline-snapshot.js';
import { mountGraph } from './incident-graph-helpers.js';

const MINUTE = 60_000;
const DEVICE = 'device-7';
const BURST = TIMELINE_START + 10 * MINUTE;

function onDevice(id: string, title: string, severity: Severity, time?: number): Alert {
  return { ...timelineAlert(id, title, severity, time), evidence: [{ entityId: DEVICE, roles: ['compromised'] }] };
}

/**
 * Six alerts at one instant in an input order that is neither by severity nor by id, one alert
 * before them, one after them and one without a time. Every alert involves one device. Titles
 * are distinct words, so a listbox option names exactly one alert.
 */
function burstAlerts(): Alert[] {
  return [
    onDevice('o-first', 'Phishing', 'medium', TIMELINE_START),
    onDevice('o-a-low', 'Reconnaissance', 'low', BURST),
    onDevice('o-high-b', 'Exploitation', 'high', BURST),
    onDevice('o-unknown', 'Anomaly', 'unknown', BURST),
    onDevice('o-high-a', 'Escalation', 'high', BURST),
    onDevice('o-info', 'Policy', 'informational', BURST),
    onDevice('o-medium', 'Persistence', 'medium', BURST),
    onDevice('o-last', 'Exfiltration', 'high', TIMELINE_START + 20 * MINUTE),
    onDevice('o-untimed', 'Tampering', 'high'),
  ];
}

/** Time, then severity (high first), then id. */
const TIMED_ORDER = ['o-first', 'o-high-a', 'o-high-b', 'o-medium', 'o-a-low', 'o-info', 'o-unknown', 'o-last'];

function orderSnapshot(alerts: Alert[] = burstAlerts()): IncidentSnapshot {
  return {
    incident: { id: 'order', title: 'Equal times', severity: 'high', status: 'active', tags: [] },
    alerts,
    entities: [{ id: DEVICE, kind: 'device', displayName: 'laptop-7', firstSeen: TIMELINE_START, properties: {} }],
    relations: [],
    issues: [],
  };
}

function sessionOn(snapshot: IncidentSnapshot): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  return session;
}

async function timelineOrder(session: IncidentSession): Promise<string[]> {
  const element = await fixture<AlertTimeline>(html`
    <il-alert-timeline style=${styleProperties({ width: '800px' })} time-zone="UTC" .session=${session}></il-alert-timeline>
  `);
  const buttons = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.marker');
  return [...buttons].map((button) => button.dataset['alertId']!);
}

async function flyoutOrder(session: IncidentSession): Promise<string[]> {
  const element = await fixture<EntityFlyout>(html`
    <il-entity-flyout style=${styleProperties({ width: '360px', height: '600px' })} .session=${session} .entityId=${DEVICE}></il-entity-flyout>
  `);
  const buttons = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="alerts"] button[data-alert-id]');
  return [...buttons].map((button) => button.dataset['alertId']!);
}

async function queueOrder(session: IncidentSession): Promise<string[]> {
  const element = await fixture<AlertQueue>(html`<il-alert-queue .session=${session}></il-alert-queue>`);
  const rows = element.shadowRoot!.querySelectorAll<HTMLElement>('tr[data-alert-id]');
  return [...rows].map((row) => row.dataset['alertId']!);
}

/** Returns the alert ids in the order of the graph's listbox options, found by their titles. */
async function listboxOrder(session: IncidentSession): Promise<string[]> {
  const element = await mountGraph({ session });
  const titles = new Map(session.snapshot!.alerts.map((alert) => [alert.title, alert.id]));
  const options = element.shadowRoot!.querySelectorAll('[role="listbox"] [role="option"]');
  const ids: string[] = [];
  for (const option of options) {
    const text = option.textContent ?? '';
    const match = [...titles].find(([title]) => text.includes(`: ${title}.`));
    if (match) ids.push(match[1]);
  }
  return ids;
}

describe('alert order at equal times', () => {
  it('is one order in timeline, graph and flyout', async () => {
    const session = sessionOn(orderSnapshot());

    const timeline = await timelineOrder(session);
    const listbox = await listboxOrder(session);
    const flyout = await flyoutOrder(session);

    expect(timeline, 'timeline').to.deep.equal(TIMED_ORDER);
    expect(listbox, 'graph listbox').to.deep.equal([...TIMED_ORDER, 'o-untimed']);
    expect(flyout, 'flyout').to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });

  it('is the same in the alert queue', async () => {
    const session = sessionOn(orderSnapshot());
    expect(await queueOrder(session)).to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });

  it('follows the display model of the graph', async () => {
    const session = sessionOn(orderSnapshot());
    const element = await mountGraph({ session });

    const alertNodes = element.display.nodes.filter((node) => node.alert).map((node) => node.id);

    expect(alertNodes).to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });

  it('does not depend on the input order', async () => {
    const reversed = sessionOn(orderSnapshot(burstAlerts().reverse()));

    expect(await timelineOrder(reversed), 'timeline').to.deep.equal(TIMED_ORDER);
    expect(await flyoutOrder(reversed), 'flyout').to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });
});

describe('alertsOfEntity', () => {
  const ids = (range?: { start: number; end: number } | null): string[] =>
    alertsOfEntity(orderSnapshot(), DEVICE, range).map(({ alert }) => alert.id);

  it('lists alerts without a time last', () => {
    expect(ids()).to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });

  it('lists every alert with a null range', () => {
    expect(ids(null)).to.deep.equal(ids());
  });

  it('leaves out alerts outside the range', () => {
    const inside = ids({ start: BURST - MINUTE, end: BURST + MINUTE });

    expect(inside).to.not.include('o-first');
    expect(inside).to.not.include('o-last');
    expect(inside).to.deep.equal(['o-high-a', 'o-high-b', 'o-medium', 'o-a-low', 'o-info', 'o-unknown', 'o-untimed']);
  });

  it('keeps alerts on the bounds of the range', () => {
    const bounds = ids({ start: TIMELINE_START, end: BURST });

    expect(bounds[0]).to.equal('o-first');
    expect(bounds).to.include('o-high-a');
    expect(bounds).to.not.include('o-last');
  });

  it('keeps alerts without a time in any range', () => {
    expect(ids({ start: 0, end: 1 })).to.deep.equal(['o-untimed']);
  });

  it('agrees with the session on what exists in the range', () => {
    const session = sessionOn(orderSnapshot());
    session.setRange({ start: TIMELINE_START + 5 * MINUTE, end: TIMELINE_START + 30 * MINUTE });
    const listed = alertsOfEntity(session.snapshot!, DEVICE, session.range).map(({ alert }) => alert.id);

    const existing = session.snapshot!.alerts
      .filter((alert) => session.existsNow(alert.firstActivityTime))
      .map((alert) => alert.id);

    expect([...listed].sort()).to.deep.equal([...existing].sort());
  });
});

describe('<il-entity-flyout> time range', () => {
  // TODO: skipped because the element calls `alertsOfEntity` without `session.range` and does
  // not re-render on the session's `range` key yet. Remove the skip once it does.
  it('hides alerts outside the session range', async () => {
    const session = sessionOn(orderSnapshot());
    const element = await fixture<EntityFlyout>(html`
      <il-entity-flyout style=${styleProperties({ width: '360px', height: '600px' })} .session=${session} .entityId=${DEVICE}></il-entity-flyout>
    `);
    const listedIds = (): string[] =>
      [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="alerts"] button[data-alert-id]')].map(
        (button) => button.dataset['alertId']!,
      );

    session.setRange({ start: BURST - MINUTE, end: BURST + MINUTE });
    await element.updateComplete;
    const inRange = listedIds();
    session.setRange(null);
    await element.updateComplete;

    expect(inRange).to.deep.equal(['o-high-a', 'o-high-b', 'o-medium', 'o-a-low', 'o-info', 'o-unknown', 'o-untimed']);
    expect(listedIds()).to.deep.equal([...TIMED_ORDER, 'o-untimed']);
  });
});
