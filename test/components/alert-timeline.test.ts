import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/alert-timeline/define.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import {
  TIMELINE_END,
  TIMELINE_START,
  emptyTimelineSnapshot,
  sameTimeSnapshot,
  timelineSnapshot,
  untimedSnapshot,
} from '../fixtures/timeline-snapshot.js';
import { FakeFrameClock } from './alert-timeline-fake-clock.js';

const SPAN = TIMELINE_END - TIMELINE_START;
const MINUTE = 60_000;

interface Setup {
  element: AlertTimeline;
  session: IncidentSession;
  clock: FakeFrameClock;
}

async function setup(snapshot: IncidentSnapshot = timelineSnapshot()): Promise<Setup> {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  const clock = new FakeFrameClock();
  const element = await fixture<AlertTimeline>(html`
    <il-alert-timeline style="width: 800px" time-zone="UTC" .clock=${clock} .session=${session}></il-alert-timeline>
  `);
  return { element, session, clock };
}

/** Collects the details of every event of `type` that reaches `target`. */
function record<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

function shadow(element: AlertTimeline): ShadowRoot {
  return element.shadowRoot!;
}

function markers(element: AlertTimeline): HTMLButtonElement[] {
  return [...shadow(element).querySelectorAll<HTMLButtonElement>('button.marker')];
}

function centerX(element: Element): number {
  const rect = element.getBoundingClientRect();
  return rect.left + rect.width / 2;
}

function centerY(element: Element): number {
  const rect = element.getBoundingClientRect();
  return rect.top + rect.height / 2;
}

/** Returns the page x of a fraction of the plot's width. */
function plotX(element: AlertTimeline, fraction: number): { x: number; y: number; width: number } {
  const rect = shadow(element).querySelector('.plot')!.getBoundingClientRect();
  return { x: rect.left + rect.width * fraction, y: rect.top + rect.height / 2, width: rect.width };
}

async function frame(element: AlertTimeline, clock: FakeFrameClock, milliseconds: number): Promise<void> {
  clock.frame(milliseconds);
  await element.updateComplete;
}

describe('<il-alert-timeline>', () => {
  describe('accessibility', () => {
    it('passes an accessibility audit', async () => {
      const { element } = await setup();
      await expect(element).to.be.accessible();
    });

    it('passes an audit with a selection and a burst', async () => {
      const { element, session } = await setup(sameTimeSnapshot(6));
      session.select({ alertIds: ['b-burst-2'] });
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('names markers by title, severity and time', async () => {
      const { element } = await setup();
      const name = markers(element)[0]!.getAttribute('aria-label');
      expect(name).to.contain('Suspicious PowerShell command line');
      expect(name).to.contain('High');
      expect(name).to.contain('2024');
      expect(name).to.contain('UTC');
    });

    it('exposes the time cursor as a slider', async () => {
      const { element, session } = await setup();
      const slider = shadow(element).querySelector('[role="slider"]')!;
      expect(slider.getAttribute('aria-valuemin')).to.equal(String(TIMELINE_START));
      expect(slider.getAttribute('aria-valuemax')).to.equal(String(TIMELINE_END));
      expect(slider.getAttribute('aria-valuenow')).to.equal(String(session.time));
      expect(slider.getAttribute('aria-valuetext')).to.match(/2024.*09:00:00.*UTC/);
    });
  });

  describe('layout', () => {
    it('orders markers by time with x increasing', async () => {
      const { element } = await setup();
      const placed = markers(element);
      const ids = placed.map((marker) => marker.dataset['alertId']);
      expect(ids).to.deep.equal(['a-powershell', 'a-mimikatz', 'a-hidden-file', 'a-sign-in', 'a-mail-rule', 'a-rare-domain']);

      const xs = placed.map(centerX);
      for (let index = 1; index < xs.length; index++) {
        if (index === 2) expect(xs[index]).to.be.closeTo(xs[index - 1]!, 0.01);
        else expect(xs[index]).to.be.greaterThan(xs[index - 1]!);
      }
    });

    it('places markers in proportion to time', async () => {
      const { element } = await setup();
      const signIn = markers(element).find((marker) => marker.dataset['alertId'] === 'a-sign-in')!;
      const expected = plotX(element, 35 / 60);
      expect(centerX(signIn)).to.be.closeTo(expected.x, 0.5);
    });

    it('stacks equal times high first', async () => {
      const { element } = await setup();
      const byId = new Map(markers(element).map((marker) => [marker.dataset['alertId'], marker]));
      const high = byId.get('a-mimikatz')!;
      const medium = byId.get('a-hidden-file')!;
      expect(centerY(medium)).to.be.lessThan(centerY(high));
      expect(medium.getBoundingClientRect().bottom).to.be.at.most(high.getBoundingClientRect().top + 0.5);
    });

    it('stacks a burst in the same order from any input order', async () => {
      const snapshot = sameTimeSnapshot(8);
      const reversed = { ...snapshot, alerts: [...snapshot.alerts].reverse() };
      const first = markers((await setup(snapshot)).element).map((marker) => marker.dataset['alertId']);
      const second = markers((await setup(reversed)).element).map((marker) => marker.dataset['alertId']);
      expect(second).to.deep.equal(first);
      expect(first).to.have.length(9);
    });

    it('lists alerts without a time under time unknown', async () => {
      const { element } = await setup();
      const list = shadow(element).querySelector('[part="time-unknown"]')!;
      expect(list.textContent).to.contain('Time unknown (2)');
      const ids = [...list.querySelectorAll<HTMLElement>('button')].map((button) => button.dataset['alertId']);
      expect(ids).to.deep.equal(['a-token', 'a-bad-time']);
      expect(markers(element).map((marker) => marker.dataset['alertId'])).not.to.include('a-bad-time');
    });

    it('writes no NaN into the shadow DOM', async () => {
      const { element } = await setup();
      const offending: string[] = [];
      for (const node of shadow(element).querySelectorAll('*')) {
        for (const attribute of node.attributes) {
          if (attribute.value.includes('NaN')) offending.push(`${node.localName}[${attribute.name}="${attribute.value}"]`);
        }
      }
      expect(offending).to.deep.equal([]);
    });

    it('draws a span bar only for a later last activity', async () => {
      const { element } = await setup();
      const spans = shadow(element).querySelectorAll('[part="span"]');
      expect(spans).to.have.length(1);
      const start = plotX(element, 0);
      const end = plotX(element, 20 / 60);
      expect(spans[0]!.getBoundingClientRect().width).to.be.closeTo(end.x - start.x, 0.5);
    });

    it('gives each severity its own shape', async () => {
      const { element } = await setup();
      const shapeBySeverity = new Map<string, string>();
      for (const marker of markers(element)) {
        const shape = marker.querySelector('.shape')!;
        const severity = ['high', 'medium', 'low', 'informational', 'unknown'].find((name) => marker.classList.contains(name))!;
        shapeBySeverity.set(severity, `${shape.localName}:${shape.getAttribute('d') ?? ''}:${shape.classList.contains('hollow')}`);
      }
      expect(shapeBySeverity.size).to.equal(5);
      expect(new Set(shapeBySeverity.values()).size).to.equal(5);
    });

    it('shows a message for an incident without alerts', async () => {
      const { element } = await setup(emptyTimelineSnapshot());
      expect(shadow(element).querySelector('[part="message"]')!.textContent).to.equal('This incident has no alerts.');
      expect(shadow(element).querySelector('[role="slider"]')).to.be.null;
    });

    it('lists alerts when none has a time', async () => {
      const { element } = await setup(untimedSnapshot());
      expect(shadow(element).querySelector('[part="message"]')!.textContent).to.equal('No alert in this incident has a time.');
      expect(shadow(element).querySelectorAll('[part="time-unknown"] button')).to.have.length(3);
      expect(shadow(element).querySelector<HTMLButtonElement>('[part="play-button"]')!.disabled).to.be.true;
    });

    it('labels ticks in the chosen zone', async () => {
      const { element } = await setup();
      const utc = shadow(element).querySelector('.tick')!.textContent;
      element.timeZone = 'local';
      await element.updateComplete;
      const local = shadow(element).querySelector('.tick')!.textContent;
      const offset = new Date(TIMELINE_START).getTimezoneOffset();
      if (offset === 0) expect(local).to.equal(utc);
      else expect(local).not.to.equal(utc);
    });
  });

  describe('selection', () => {
    it('selects a clicked marker and fires once', async () => {
      const { element, session } = await setup();
      const changes = record<{ alertIds: string[]; entityIds: string[] }>(element, 'il-selection-change');
      const marker = markers(element).find((button) => button.dataset['alertId'] === 'a-sign-in')!;

      marker.click();
      await element.updateComplete;

      expect(session.selection).to.deep.equal({ alertIds: ['a-sign-in'], entityIds: [] });
      expect(changes).to.deep.equal([{ alertIds: ['a-sign-in'], entityIds: [] }]);
      expect(marker.getAttribute('aria-pressed')).to.equal('true');
      expect(marker.getAttribute('part')).to.equal('marker selected');
    });

    it('clears the selection on a second click', async () => {
      const { element, session } = await setup();
      const changes = record(element, 'il-selection-change');
      const marker = markers(element)[0]!;

      marker.click();
      await element.updateComplete;
      marker.click();
      await element.updateComplete;

      expect(session.selection.alertIds).to.deep.equal([]);
      expect(changes).to.have.length(2);
    });

    it('selects an alert of the time unknown list', async () => {
      const { element, session } = await setup();
      shadow(element).querySelector<HTMLButtonElement>('[data-alert-id="a-token"]')!.click();
      expect(session.selection.alertIds).to.deep.equal(['a-token']);
    });

    it('moves marker focus with arrow keys', async () => {
      const { element } = await setup();
      const [first, second] = markers(element);
      expect(first!.tabIndex).to.equal(0);
      expect(second!.tabIndex).to.equal(-1);

      first!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;

      expect(shadow(element).activeElement).to.equal(second);
      expect(second!.tabIndex).to.equal(0);
      expect(first!.tabIndex).to.equal(-1);
    });
  });

  describe('scrubbing', () => {
    it('steps to alert times with the arrow keys', async () => {
      const { element, session } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');
      shadow(element).querySelector<HTMLElement>('[role="slider"]')!.focus();

      await sendKeys({ press: 'ArrowLeft' });
      expect(session.time).to.equal(TIMELINE_START + 50 * MINUTE);
      await sendKeys({ press: 'ArrowLeft' });
      expect(session.time).to.equal(TIMELINE_START + 35 * MINUTE);
      await sendKeys({ press: 'ArrowRight' });
      expect(session.time).to.equal(TIMELINE_START + 50 * MINUTE);

      expect(changes.map((change) => change.time)).to.deep.equal([
        TIMELINE_START + 50 * MINUTE,
        TIMELINE_START + 35 * MINUTE,
        TIMELINE_START + 50 * MINUTE,
      ]);
    });

    it('goes to the ends and pages with the slider keys', async () => {
      const { element, session } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');
      shadow(element).querySelector<HTMLElement>('[role="slider"]')!.focus();

      await sendKeys({ press: 'Home' });
      expect(session.time).to.equal(TIMELINE_START);
      await sendKeys({ press: 'PageUp' });
      expect(session.time).to.equal(TIMELINE_START + SPAN * 0.1);
      await sendKeys({ press: 'PageDown' });
      expect(session.time).to.equal(TIMELINE_START);
      await sendKeys({ press: 'End' });
      expect(session.time).to.equal(TIMELINE_END);
      await element.updateComplete;

      expect(changes).to.have.length(4);
      const slider = shadow(element).querySelector('[role="slider"]')!;
      expect(slider.getAttribute('aria-valuenow')).to.equal(String(TIMELINE_END));
    });

    it('fires nothing for a key at the bound', async () => {
      const { element } = await setup();
      const changes = record(element, 'il-time-change');
      shadow(element).querySelector<HTMLElement>('[role="slider"]')!.focus();
      await sendKeys({ press: 'End' });
      expect(changes).to.have.length(0);
    });

    it('scrubs to a click on the axis', async () => {
      const { element, session } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');
      const point = plotX(element, 0.25);

      await sendMouse({ type: 'click', position: [Math.round(point.x), Math.round(point.y)] });
      await element.updateComplete;

      // One CSS pixel of the plot is SPAN / width milliseconds, and the click is rounded to a pixel.
      const tolerance = SPAN / point.width;
      expect(session.time).to.be.closeTo(TIMELINE_START + SPAN * 0.25, tolerance);
      expect(changes).to.have.length(1);
      expect(changes[0]!.time).to.equal(session.time);
      expect(shadow(element).activeElement?.getAttribute('role')).to.equal('slider');
    });

    it('fires once per frame while dragging', async () => {
      const { element, session, clock } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');
      const at = (fraction: number): [number, number] => {
        const point = plotX(element, fraction);
        return [Math.round(point.x), Math.round(point.y)];
      };

      await sendMouse({ type: 'move', position: at(0.1) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(0.2) });
      await sendMouse({ type: 'move', position: at(0.3) });
      expect(changes).to.have.length(0);

      await frame(element, clock, 16);
      expect(changes).to.have.length(1);
      expect(changes[0]!.time).to.equal(session.time);
      expect(session.time).to.be.closeTo(TIMELINE_START + SPAN * 0.3, SPAN / plotX(element, 0).width);

      await sendMouse({ type: 'move', position: at(0.4) });
      await sendMouse({ type: 'up' });
      expect(changes).to.have.length(2);
      expect(session.time).to.be.closeTo(TIMELINE_START + SPAN * 0.4, SPAN / plotX(element, 0).width);
      expect(clock.pending).to.equal(0);
    });

    it('ignores a press on a marker', async () => {
      const { element, session } = await setup();
      const changes = record(element, 'il-time-change');
      const marker = markers(element)[3]!;

      await sendMouse({ type: 'click', position: [Math.round(centerX(marker)), Math.round(centerY(marker))] });

      expect(changes).to.have.length(0);
      expect(session.time).to.equal(TIMELINE_END);
      expect(session.selection.alertIds).to.deep.equal([marker.dataset['alertId']]);
    });

    it('moves to the ends with the start and end buttons', async () => {
      const { element, session } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');

      shadow(element).querySelector<HTMLButtonElement>('[part="start-button"]')!.click();
      expect(session.time).to.equal(TIMELINE_START);
      shadow(element).querySelector<HTMLButtonElement>('[part="end-button"]')!.click();
      expect(session.time).to.equal(TIMELINE_END);

      expect(changes.map((change) => change.time)).to.deep.equal([TIMELINE_START, TIMELINE_END]);
    });
  });
});
