import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/alert-timeline/define.js';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
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
    <il-alert-timeline style=${styleProperties({ width: '800px' })} time-zone="UTC" .clock=${clock} .session=${session}></il-alert-timeline>
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
      // Both zones use the locale's clock, so with a zero offset the labels are the same.
      if (offset === 0) expect(local).to.equal(utc);
      else expect(local).not.to.equal(utc);
    });
  });

  describe('selection', () => {
    it('marks the alerts of a selected entity', async () => {
      const snapshot = timelineSnapshot();
      snapshot.entities.push({ id: 'device:ws-1', kind: 'device', displayName: 'ws-1', properties: {} });
      for (const alert of snapshot.alerts.filter((item) => ['a-powershell', 'a-sign-in'].includes(item.id))) {
        alert.evidence.push({ entityId: 'device:ws-1', roles: [] });
      }
      const { element, session } = await setup(snapshot);
      session.select({ entityIds: ['device:ws-1'] });
      await element.updateComplete;

      const related = [...shadow(element).querySelectorAll<HTMLElement>('[part~="related"]')].map((marker) => marker.dataset.alertId);
      expect(related).to.deep.equal(['a-powershell', 'a-sign-in']);
      const name = shadow(element).querySelector('[data-alert-id="a-sign-in"]')!.getAttribute('aria-label');
      expect(name).to.match(/involves the selected entity$/);
    });

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
  describe('playback', () => {
    // The fixture spans one hour and `duration` is 20 s, so speed 1 plays 180 incident ms per
    // wall ms. The rate comes from the documented rule, not from the element.
    const rate = SPAN / 20_000;

    function playButton(element: AlertTimeline): HTMLButtonElement {
      return shadow(element).querySelector<HTMLButtonElement>('[part="play-button"]')!;
    }

    it('starts from the start and reports it', async () => {
      const { element, session } = await setup();
      session.setTime(TIMELINE_START);
      const states = record(element, 'il-play-state-change');

      playButton(element).click();
      await element.updateComplete;

      expect(session.playing).to.be.true;
      expect(states).to.deep.equal([{ playing: true, speed: 1 }]);
      expect(playButton(element).getAttribute('aria-label')).to.equal('Pause');
    });

    it('advances in proportion to wall time', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      playButton(element).click();

      await frame(element, clock, 1000);
      expect(session.time).to.equal(TIMELINE_START + 1000 * rate);
      await frame(element, clock, 500);
      expect(session.time).to.equal(TIMELINE_START + 1500 * rate);
    });

    it('fires a time change once per alert passed', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      const changes = record<{ time: number }>(element, 'il-time-change');
      playButton(element).click();

      // Alert times after the start: 12.5, 35, 50 and 60 minutes. Frames of 1 s move 3 minutes,
      // so frames 5, 12 and 17 pass one alert each, and frame 20 reaches the end.
      const passedAt: number[] = [];
      for (let index = 1; index <= 20; index++) {
        const before = changes.length;
        await frame(element, clock, 1000);
        if (changes.length > before) passedAt.push(index);
      }

      expect(passedAt).to.deep.equal([5, 12, 17, 20]);
      expect(changes.map((change) => change.time)).to.deep.equal([
        TIMELINE_START + 5 * 180_000,
        TIMELINE_START + 12 * 180_000,
        TIMELINE_START + 17 * 180_000,
        TIMELINE_END,
      ]);
    });

    it('fires one time change for a frame that passes several alerts', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      const changes = record<{ time: number }>(element, 'il-time-change');
      playButton(element).click();

      // 12 s of wall time is 36 minutes: past the alerts at 12.5 and 35 minutes at once.
      await frame(element, clock, 12_000);

      expect(changes).to.deep.equal([{ time: TIMELINE_START + 36 * MINUTE }]);
    });

    it('stops at the end and reports it', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      const states = record(element, 'il-play-state-change');
      const changes = record<{ time: number }>(element, 'il-time-change');
      playButton(element).click();

      await frame(element, clock, 19_000);
      await frame(element, clock, 5_000);
      await frame(element, clock, 5_000);

      expect(session.time).to.equal(TIMELINE_END);
      expect(session.playing).to.be.false;
      expect(states).to.deep.equal([
        { playing: true, speed: 1 },
        { playing: false, speed: 1 },
      ]);
      expect(changes.at(-1)).to.deep.equal({ time: TIMELINE_END });
      expect(changes.filter((change) => change.time === TIMELINE_END)).to.have.length(1);
      expect(clock.pending).to.equal(0);
      expect(playButton(element).getAttribute('aria-label')).to.equal('Play');
    });

    it('restarts from the start when played at the end', async () => {
      const { element, session } = await setup();
      const changes = record<{ time: number }>(element, 'il-time-change');
      expect(session.time).to.equal(TIMELINE_END);

      playButton(element).click();

      expect(session.time).to.equal(TIMELINE_START);
      expect(session.playing).to.be.true;
      expect(changes).to.deep.equal([{ time: TIMELINE_START }]);
    });

    it('pauses and reports it', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      const states = record(element, 'il-play-state-change');
      playButton(element).click();
      await frame(element, clock, 1000);

      playButton(element).click();
      await frame(element, clock, 1000);

      expect(session.playing).to.be.false;
      expect(session.time).to.equal(TIMELINE_START + 1000 * rate);
      expect(states.at(-1)).to.deep.equal({ playing: false, speed: 1 });
      expect(clock.pending).to.equal(0);
    });

    it('follows the anchor formula over irregular frames', async () => {
      const { element, session, clock } = await setup();
      element.duration = 600_000;
      await element.updateComplete;
      session.setTime(TIMELINE_START);
      playButton(element).click();
      const anchorWall = clock.wall;
      const slowRate = SPAN / 600_000;

      // Irregular intervals, long stalls included: 1,000 frames cover about 4.6 minutes.
      const intervals = [16.7, 33.3, 4.1, 250.9, 16.6, 16.8, 99.9, 0.5, 1.25, 17.01];
      for (let index = 0; index < 1000; index++) {
        clock.frame(intervals[index % intervals.length]!);
        expect(session.time).to.equal(TIMELINE_START + (clock.wall - anchorWall) * slowRate);
      }
      expect(session.playing).to.be.true;
    });

    it('plays an invalid duration at the default', async () => {
      const { element, session, clock } = await setup();
      element.setAttribute('duration', 'soon');
      await element.updateComplete;
      session.setTime(TIMELINE_START);
      playButton(element).click();

      await frame(element, clock, 1000);

      expect(Number.isNaN(element.duration)).to.be.true;
      expect(session.time).to.equal(TIMELINE_START + 1000 * rate);
    });

    it('re-anchors when the page becomes visible again', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      playButton(element).click();
      await frame(element, clock, 100);

      // A hidden page gets no frames, but wall time moves on.
      clock.wall += 60_000;
      expect(document.visibilityState).to.equal('visible');
      document.dispatchEvent(new Event('visibilitychange'));
      await frame(element, clock, 16);

      expect(session.time).to.equal(TIMELINE_START + 116 * rate);
    });

    it('continues from a time another component set', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      playButton(element).click();
      await frame(element, clock, 100);

      session.setTime(TIMELINE_START + 30 * MINUTE);
      await frame(element, clock, 100);

      expect(session.time).to.equal(TIMELINE_START + 30 * MINUTE + 100 * rate);
    });

    it('changes rate with the session speed without a jump', async () => {
      const { element, session, clock } = await setup();
      session.setTime(TIMELINE_START);
      playButton(element).click();
      await frame(element, clock, 100);

      session.setPlayback(true, 4);
      await frame(element, clock, 100);

      expect(session.time).to.equal(TIMELINE_START + 100 * rate + 100 * rate * 4);
    });
  });

  describe('changes from outside', () => {
    it('fires nothing when the session is set', async () => {
      const session = new IncidentSession();
      session.setSnapshot(timelineSnapshot());
      const element = await fixture<AlertTimeline>(html`<il-alert-timeline></il-alert-timeline>`);
      const events: string[] = [];
      for (const type of ['il-time-change', 'il-play-state-change', 'il-selection-change']) {
        element.addEventListener(type, () => events.push(type));
      }

      element.session = session;
      await element.updateComplete;

      expect(markers(element)).to.have.length(6);
      expect(events).to.deep.equal([]);
    });

    it('fires nothing when the session changes time or selection', async () => {
      const { element, session } = await setup();
      const events: string[] = [];
      for (const type of ['il-time-change', 'il-play-state-change', 'il-selection-change']) {
        element.addEventListener(type, () => events.push(type));
      }

      session.setTime(TIMELINE_START + 10 * MINUTE);
      session.select({ alertIds: ['a-sign-in'] });
      session.setSnapshot(sameTimeSnapshot(3));
      await element.updateComplete;

      const slider = shadow(element).querySelector('[role="slider"]')!;
      expect(slider.getAttribute('aria-valuenow')).to.equal(String(session.time));
      expect(events).to.deep.equal([]);
    });

    it('plays silently when the host starts playback', async () => {
      const { element, session, clock } = await setup();
      const events: string[] = [];
      for (const type of ['il-time-change', 'il-play-state-change']) {
        element.addEventListener(type, () => events.push(type));
      }

      session.setTime(TIMELINE_START);
      session.setPlayback(true);
      // The first frame only checks that no other element drives this playback.
      await frame(element, clock, 16);
      expect(session.time).to.equal(TIMELINE_START);
      await frame(element, clock, 984);
      expect(session.time).to.equal(TIMELINE_START + 1000 * 180);

      await frame(element, clock, 30_000);
      expect(session.time).to.equal(TIMELINE_END);
      expect(session.playing).to.be.false;
      expect(events).to.deep.equal([]);
    });

    it('counts passes exactly with two timelines on one session', async () => {
      const { element, session, clock } = await setup();
      const follower = await fixture<AlertTimeline>(html`
        <il-alert-timeline time-zone="UTC" .clock=${clock} .session=${session}></il-alert-timeline>
      `);
      const changes = record<{ time: number }>(element, 'il-time-change');
      const followerEvents = record(follower, 'il-time-change');
      session.setTime(TIMELINE_START);

      shadow(element).querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
      for (let index = 1; index <= 20; index++) await frame(element, clock, 1000);

      expect(changes.map((change) => change.time)).to.deep.equal([
        TIMELINE_START + 5 * 180_000,
        TIMELINE_START + 12 * 180_000,
        TIMELINE_START + 17 * 180_000,
        TIMELINE_END,
      ]);
      expect(followerEvents).to.deep.equal([]);
      expect(session.playing).to.be.false;
      expect(clock.pending).to.equal(0);
    });

    it('stops when the host pauses', async () => {
      const { element, session, clock } = await setup();
      const states = record(element, 'il-play-state-change');
      session.setTime(TIMELINE_START);
      shadow(element).querySelector<HTMLButtonElement>('[part="play-button"]')!.click();

      session.setPlayback(false);
      await frame(element, clock, 1000);

      expect(session.time).to.equal(TIMELINE_START);
      expect(clock.pending).to.equal(0);
      expect(states).to.have.length(1);
    });
  });
});
