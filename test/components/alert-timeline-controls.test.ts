import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import { TIMELINE_END, TIMELINE_START, timelineSnapshot } from '../fixtures/timeline-snapshot.js';
import { markerButtons, part, pointIn, recordEvents, setupTimeline, snapshotOf, spreadAlerts } from './alert-timeline-helpers.js';

const SPAN = TIMELINE_END - TIMELINE_START;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Returns the rectangles of the tick labels, in axis order. */
function tickRects(element: AlertTimeline): DOMRect[] {
  return [...element.shadowRoot!.querySelectorAll('.tick')].map((tick) => tick.getBoundingClientRect());
}

/** Waits until the element renders no further update, such as one that widens the tick spacing. */
async function settled(element: AlertTimeline): Promise<void> {
  while (!(await element.updateComplete));
}

/** Asserts that at least two tick labels show and that no two of them overlap. */
function expectTicksApart(element: AlertTimeline, step: string): void {
  const rects = tickRects(element);
  const texts = [...element.shadowRoot!.querySelectorAll('.tick')].map((tick) => tick.textContent?.trim()).join(' | ');
  expect(rects.length, `${step}: ${texts}`).to.be.at.least(2);
  for (let index = 1; index < rects.length; index++) {
    const gap = rects[index]!.left - rects[index - 1]!.right;
    expect(gap, `${step}, ticks ${index - 1} and ${index}: ${texts}`).to.be.at.least(0);
  }
}

describe('<il-alert-timeline> controls', () => {
  describe('keyboard', () => {
    it('zooms out with the zoom-out button', async () => {
      const { element } = await setupTimeline();
      part(element, 'zoom-in-button').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;

      part(element, 'zoom-out-button').focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(part(element, 'zoom-out-button').hasAttribute('disabled'), 'after one step out').to.be.false;

      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(part(element, 'zoom-out-button').hasAttribute('disabled'), 'back to the whole incident').to.be.true;
    });

    it('clears the range with its button', async () => {
      const { element, session } = await setupTimeline();
      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + 10 * MINUTE });
      await element.updateComplete;
      const ranges = recordEvents(element, 'il-range-change');

      part(element, 'clear-range-button').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;

      expect(session.range).to.equal(null);
      expect(ranges).to.deep.equal([null]);
    });

    it('selects a marker with Enter and Space', async () => {
      const { element, session } = await setupTimeline();
      const selections = recordEvents<{ alertIds: string[] }>(element, 'il-selection-change');
      const marker = markerButtons(element)[1]!;
      const id = marker.dataset['alertId']!;

      marker.focus();
      await sendKeys({ press: 'Enter' });
      expect(session.selection.alertIds, 'after Enter').to.deep.equal([id]);
      await sendKeys({ press: 'Space' });

      expect(session.selection.alertIds, 'after Space').to.deep.equal([]);
      expect(selections.map((detail) => detail.alertIds)).to.deep.equal([[id], []]);
    });

    it('selects an untimed alert with Enter', async () => {
      const { element, session } = await setupTimeline(timelineSnapshot());
      element.shadowRoot!.querySelector<HTMLButtonElement>('.untimed-alert[data-alert-id="a-token"]')!.focus();

      await sendKeys({ press: 'Enter' });

      expect(session.selection.alertIds).to.deep.equal(['a-token']);
    });

    it('reaches the range and untimed list with Tab', async () => {
      const { element, session } = await setupTimeline(timelineSnapshot());
      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + 10 * MINUTE });
      await element.updateComplete;
      part(element, 'zoom-in-button').focus();

      const reached: string[] = [];
      for (let index = 0; index < 4; index++) {
        await sendKeys({ press: 'Tab' });
        const active = element.shadowRoot!.activeElement as HTMLElement | null;
        reached.push(active?.getAttribute('part') ?? active?.dataset['alertId'] ?? active?.tagName ?? '');
      }

      expect(reached).to.deep.equal(['clear-range-button', 'marker', 'handle', 'a-token']);
    });
  });

  describe('playhead', () => {
    it('drags the playhead handle along the axis', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START + SPAN / 2);
      await element.updateComplete;
      const times = recordEvents<{ time: number }>(element, 'il-time-change');
      const handle = part(element, 'handle').getBoundingClientRect();
      const plotWidth = element.shadowRoot!.querySelector('.plot')!.getBoundingClientRect().width;
      const [toX, toY] = pointIn(element, '.plot', 0.75);

      await sendMouse({ type: 'move', position: [Math.round(handle.left + handle.width / 2), Math.round(handle.top + handle.height / 2)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [toX, toY] });
      clock.frame();
      await sendMouse({ type: 'up' });
      await element.updateComplete;

      expect(session.time).to.be.closeTo(TIMELINE_START + SPAN * 0.75, SPAN / plotWidth);
      expect(times.length).to.be.within(1, 2);
      expect(times[times.length - 1]!.time).to.equal(session.time);
    });
  });

  describe('tick labels', () => {
    it('never overlap from months to milliseconds', async () => {
      const start = Date.UTC(2024, 0, 1);
      const { element, session } = await setupTimeline(snapshotOf('long', spreadAlerts(5, start, 200 * DAY)));
      session.setTime(start + 100 * DAY + 12_345);
      await settled(element);
      part(element, 'handle').focus();

      // Each '+' halves the window, so 35 presses go from 200 days down to the one-second minimum.
      for (let zoom = 0; zoom <= 35; zoom++) {
        expectTicksApart(element, `zoom ${zoom}`);
        await sendKeys({ press: '+' });
        await settled(element);
      }

      // A pan keeps the spacing of the zoom and measures the new labels.
      const [x, y] = pointIn(element, '.plot', 0.5);
      for (let pan = 0; pan < 6; pan++) {
        part(element, 'track').dispatchEvent(
          new WheelEvent('wheel', { clientX: x, clientY: y, deltaX: 170, bubbles: true, cancelable: true, composed: true }),
        );
        await settled(element);
        expectTicksApart(element, `pan ${pan}`);
      }
    });
  });
});
