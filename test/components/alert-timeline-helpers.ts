/**
 * Shared setup of the alert timeline's element tests: a session on a snapshot, a manual frame
 * clock, and lookups into the shadow root.
 */

import { fixture, html } from '@open-wc/testing';
import '../../src/components/alert-timeline/define.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import type { Alert, EpochMs, IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { timelineAlert, timelineSnapshot } from '../fixtures/timeline-snapshot.js';
import { FakeFrameClock } from './alert-timeline-fake-clock.js';

export interface TimelineSetup {
  element: AlertTimeline;
  session: IncidentSession;
  clock: FakeFrameClock;
}

/** Renders an 800 px wide timeline in UTC on a new session of `snapshot`. */
export async function setupTimeline(snapshot: IncidentSnapshot = timelineSnapshot()): Promise<TimelineSetup> {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  const clock = new FakeFrameClock();
  const element = await fixture<AlertTimeline>(html`
    <il-alert-timeline style=${styleProperties({ width: '800px' })} time-zone="UTC" .clock=${clock} .session=${session}></il-alert-timeline>
  `);
  return { element, session, clock };
}

/** Collects the details of every event of `type` that reaches `target`. */
export function recordEvents<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

export function part<T extends Element = HTMLElement>(element: AlertTimeline, name: string): T {
  const found = element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`No part "${name}" in the timeline's shadow root.`);
  return found;
}

export function markerButtons(element: AlertTimeline): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.marker')];
}

export function clusterButtons(element: AlertTimeline): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.cluster')];
}

/** Advances the clock by `milliseconds`, runs one frame and waits for the render. */
export async function runFrame(element: AlertTimeline, clock: FakeFrameClock, milliseconds: number): Promise<void> {
  clock.frame(milliseconds);
  await element.updateComplete;
}

/** Returns the page point at a fraction of the width of the element matching `selector`. */
export function pointIn(element: AlertTimeline, selector: string, fraction: number): [number, number] {
  const rect = element.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
  return [Math.round(rect.left + rect.width * fraction), Math.round(rect.top + rect.height / 2)];
}

/** Returns the width in CSS pixels of the element matching `selector`. */
export function widthOf(element: AlertTimeline, selector: string): number {
  return element.shadowRoot!.querySelector(selector)!.getBoundingClientRect().width;
}

/** Returns `count` alerts spread evenly over `span` ms from `start`, ids `d-000` upwards. */
export function spreadAlerts(count: number, start: EpochMs, span: number): Alert[] {
  const severities = ['high', 'medium', 'low', 'informational'] as const;
  return Array.from({ length: count }, (_, index) =>
    timelineAlert(
      `d-${String(index).padStart(3, '0')}`,
      `Dense alert ${index + 1}`,
      severities[index % severities.length]!,
      start + Math.round((span * index) / Math.max(1, count - 1)),
    ),
  );
}

/** Wraps alerts into a snapshot without entities. */
export function snapshotOf(id: string, alerts: Alert[]): IncidentSnapshot {
  return {
    incident: { id, title: `Incident ${id}`, severity: 'high', status: 'active', tags: [] },
    alerts,
    entities: [],
    relations: [],
    issues: [],
  };
}
