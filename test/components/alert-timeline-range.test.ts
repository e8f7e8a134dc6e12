import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import { TIMELINE_END, TIMELINE_START, sameTimeSnapshot } from '../fixtures/timeline-snapshot.js';
import {
  clusterButtons,
  markerButtons,
  part,
  pointIn,
  recordEvents,
  setupTimeline,
  snapshotOf,
  spreadAlerts,
  widthOf,
} from './alert-timeline-helpers.js';

const SPAN = TIMELINE_END - TIMELINE_START;
const MINUTE = 60_000;

function tickLabels(element: AlertTimeline): string[] {
  return [...element.shadowRoot!.querySelectorAll('.tick')].map((tick) => tick.textContent?.trim() ?? '');
}

function wheel(element: AlertTimeline, fraction: number, init: WheelEventInit): void {
  const [x, y] = pointIn(element, '.plot', fraction);
  part(element, 'track').dispatchEvent(
    new WheelEvent('wheel', { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, ...init }),
  );
}

async function drag(from: [number, number], to: [number, number], shift = false): Promise<void> {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), to[1]] });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
  if (shift) await sendKeys({ up: 'Shift' });
}

function markerLeft(button: HTMLElement): number {
  return button.getBoundingClientRect().left;
}

describe('<il-alert-timeline> range and zoom', () => {
  describe('range', () => {
    it('selects a range by dragging on the axis', async () => {
      const { element, session } = await setupTimeline();
      const ranges = recordEvents<{ start: number; end: number } | null>(element, 'il-range-change');
      const tolerance = SPAN / widthOf(element, '.axis');

      await drag(pointIn(element, '.axis', 0.2), pointIn(element, '.axis', 0.6));
      await element.updateComplete;

      expect(session.range!.start).to.be.closeTo(TIMELINE_START + 0.2 * SPAN, tolerance);
      expect(session.range!.end).to.be.closeTo(TIMELINE_START + 0.6 * SPAN, tolerance);
      expect(ranges.at(-1)).to.deep.equal(session.range);
      expect(part(element, 'range')).to.exist;
      expect(part(element, 'range-readout').textContent).to.contain('Range:');
    });

    it('selects a range with a Shift-drag on the track', async () => {
      const { element, session } = await setupTimeline();
      const tolerance = SPAN / widthOf(element, '.plot');

      await drag(pointIn(element, '.plot', 0.7), pointIn(element, '.plot', 0.3), true);

      expect(session.range!.start).to.be.closeTo(TIMELINE_START + 0.3 * SPAN, tolerance);
      expect(session.range!.end).to.be.closeTo(TIMELINE_START + 0.7 * SPAN, tolerance);
      expect(session.time).to.equal(TIMELINE_END);
    });

    it('clears the range with a click on the axis', async () => {
      const { element, session } = await setupTimeline();
      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + 10 * MINUTE });
      await element.updateComplete;
      const ranges = recordEvents(element, 'il-range-change');

      const point = pointIn(element, '.axis', 0.5);
      await sendMouse({ type: 'click', position: point });

      expect(session.range).to.equal(null);
      expect(ranges).to.deep.equal([null]);
    });

    it('clears the range with its button', async () => {
      const { element, session } = await setupTimeline();
      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + 10 * MINUTE });
      await element.updateComplete;
      const ranges = recordEvents(element, 'il-range-change');

      part(element, 'clear-range-button').click();
      await element.updateComplete;

      expect(session.range).to.equal(null);
      expect(ranges).to.deep.equal([null]);
      expect(element.shadowRoot!.querySelector('[part~="range"]')).to.equal(null);
    });

    it('sets and clears the range from the keyboard', async () => {
      const { element, session } = await setupTimeline();
      const ranges = recordEvents(element, 'il-range-change');
      session.setTime(TIMELINE_START + 10 * MINUTE);
      part(element, 'handle').focus();

      await sendKeys({ press: '[' });
      expect(session.range).to.deep.equal({ start: TIMELINE_START + 10 * MINUTE, end: TIMELINE_END });

      session.setTime(TIMELINE_START + 40 * MINUTE);
      await sendKeys({ press: ']' });
      expect(session.range).to.deep.equal({ start: TIMELINE_START + 10 * MINUTE, end: TIMELINE_START + 40 * MINUTE });

      await sendKeys({ press: 'Escape' });
      expect(session.range).to.equal(null);
      expect(ranges).to.have.length(3);
    });

    it('fires nothing when the host sets a range', async () => {
      const { element, session } = await setupTimeline();
      const ranges = recordEvents(element, 'il-range-change');

      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + MINUTE });
      await element.updateComplete;

      expect(ranges).to.have.length(0);
      expect(part(element, 'range')).to.exist;
    });

    it('restricts what exists to the range', async () => {
      const { session } = await setupTimeline();
      session.setRange({ start: TIMELINE_START + 10 * MINUTE, end: TIMELINE_START + 40 * MINUTE });

      expect(session.existsNow(TIMELINE_START)).to.be.false;
      expect(session.existsNow(TIMELINE_START + 20 * MINUTE)).to.be.true;
      expect(session.existsNow(TIMELINE_START + 50 * MINUTE)).to.be.false;
      expect(session.existsNow(undefined)).to.be.true;
    });
  });

  describe('zoom and pan', () => {
    it('zooms in around the pointer with the wheel', async () => {
      const { element } = await setupTimeline();
      const before = markerButtons(element).map(markerLeft);

      wheel(element, 0, { deltaY: -200 });
      await element.updateComplete;

      // Zoomed in four times around the start: the alerts at 0 and 12.5 minutes spread apart.
      const after = markerButtons(element).map(markerLeft);
      expect(after[1]! - after[0]!).to.be.closeTo(4 * (before[1]! - before[0]!), 2);
      expect(part(element, 'zoom-out-button').hasAttribute('disabled')).to.be.false;
    });

    it('zooms with a pinch, which arrives as a Ctrl wheel', async () => {
      const { element } = await setupTimeline();
      const before = tickLabels(element);

      wheel(element, 0.5, { deltaY: -300, ctrlKey: true });
      await element.updateComplete;

      expect(tickLabels(element)).to.not.deep.equal(before);
    });

    it('zooms with a two-finger pinch', async () => {
      const { element } = await setupTimeline();
      const plot = element.shadowRoot!.querySelector<HTMLElement>('.plot')!;
      const [left, y] = pointIn(element, '.plot', 0.4);
      const [right] = pointIn(element, '.plot', 0.5);
      const touch = (type: string, pointerId: number, clientX: number): void => {
        plot.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: 'touch', clientX, clientY: y, bubbles: true, composed: true, button: 0 }));
      };
      const before = tickLabels(element);

      touch('pointerdown', 1, left);
      touch('pointerdown', 2, right);
      touch('pointermove', 2, right + 60);
      touch('pointermove', 2, right + 120);
      touch('pointerup', 2, right + 120);
      touch('pointerup', 1, left);
      await element.updateComplete;

      expect(tickLabels(element)).to.not.deep.equal(before);
      expect(part(element, 'zoom-out-button').hasAttribute('disabled')).to.be.false;
    });

    it('pans with a horizontal wheel', async () => {
      const { element } = await setupTimeline();
      wheel(element, 0.5, { deltaY: -200 });
      await element.updateComplete;
      const zoomed = tickLabels(element);

      wheel(element, 0.5, { deltaX: 200 });
      await element.updateComplete;

      expect(tickLabels(element)).to.not.deep.equal(zoomed);
    });

    it('zooms with the slider keys and shows all with 0', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(TIMELINE_START + 30 * MINUTE);
      await element.updateComplete;
      const all = tickLabels(element);
      part(element, 'handle').focus();

      await sendKeys({ press: '+' });
      await sendKeys({ press: '+' });
      await element.updateComplete;
      expect(tickLabels(element)).to.not.deep.equal(all);

      await sendKeys({ press: '-' });
      await sendKeys({ press: '0' });
      await element.updateComplete;
      expect(tickLabels(element)).to.deep.equal(all);
    });

    it('follows the time cursor out of the window', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(TIMELINE_START);
      await element.updateComplete;
      part(element, 'zoom-in-button').click();
      part(element, 'zoom-in-button').click();
      await element.updateComplete;

      part(element, 'end-button').click();
      await element.updateComplete;

      const handle = part(element, 'handle').getBoundingClientRect();
      const plot = element.shadowRoot!.querySelector('.plot')!.getBoundingClientRect();
      expect(part(element, 'playhead').hidden).to.be.false;
      expect(handle.left + handle.width / 2).to.be.within(plot.left - 1, plot.right + 1);
    });

    it('labels ticks from milliseconds to months', async () => {
      const { element, session } = await setupTimeline(
        snapshotOf('long', spreadAlerts(3, Date.UTC(2024, 0, 1), 300 * 24 * 60 * MINUTE)),
      );
      expect(tickLabels(element).some((label) => /^[A-Z][a-z]{2} 2024$/.test(label)), tickLabels(element).join()).to.be.true;

      session.setTime(Date.UTC(2024, 0, 1));
      part(element, 'handle').focus();
      for (let index = 0; index < 40; index++) await sendKeys({ press: '+' });
      await element.updateComplete;

      // The narrowest window is one second, labelled in milliseconds.
      expect(tickLabels(element).some((label) => /\d{2}:\d{2}:\d{2}\.\d{3}/.test(label)), tickLabels(element).join()).to.be.true;
    });
  });

  describe('dense periods', () => {
    it('aggregates a dense period into counted clusters', async () => {
      const { element } = await setupTimeline(snapshotOf('dense', spreadAlerts(300, TIMELINE_START, SPAN)));

      const clusters = clusterButtons(element);
      const counted = clusters.reduce((sum, cluster) => sum + Number(cluster.textContent?.trim()), 0);
      expect(clusters.length).to.be.greaterThan(0);
      expect(counted + markerButtons(element).length).to.equal(300);
      expect(clusters[0]!.getAttribute('aria-label')).to.match(/^\d+ alerts, most severe High, 03\/12\/2024, 08:00:00 AM UTC to .*Press to zoom in\.$/);
    });

    it('never overlaps markers', async () => {
      const { element } = await setupTimeline(snapshotOf('dense', spreadAlerts(300, TIMELINE_START, SPAN)));
      const buttons = [...markerButtons(element), ...clusterButtons(element)].map((button) => button.getBoundingClientRect());

      for (let a = 0; a < buttons.length; a++) {
        for (let b = a + 1; b < buttons.length; b++) {
          const first = buttons[a]!;
          const second = buttons[b]!;
          const overlap = first.left < second.right - 1 && second.left < first.right - 1 && first.top < second.bottom - 1 && second.top < first.bottom - 1;
          expect(overlap, `buttons ${a} and ${b}`).to.be.false;
        }
      }
    });

    it('zooms into a pressed cluster', async () => {
      const { element } = await setupTimeline(snapshotOf('dense', spreadAlerts(300, TIMELINE_START, SPAN)));
      const cluster = clusterButtons(element)[0]!;
      const count = Number(cluster.textContent?.trim());

      cluster.click();
      await element.updateComplete;

      const shown = markerButtons(element).length + clusterButtons(element).reduce((sum, item) => sum + Number(item.textContent?.trim()), 0);
      expect(shown).to.be.at.least(count);
      expect(shown).to.be.lessThan(300);
    });

    it('keeps alerts of one instant in a stack', async () => {
      const { element } = await setupTimeline(sameTimeSnapshot(12));
      expect(clusterButtons(element)).to.have.length(0);
      expect(markerButtons(element)).to.have.length(13);
    });

    it('overlaps a tall stack within its maximum height', async () => {
      const { element } = await setupTimeline(sameTimeSnapshot(12));
      const track = part(element, 'track');
      expect(track.getBoundingClientRect().height, 'track height in px').to.be.at.most(144 + 20 + 2);

      const places = markerButtons(element).map((button) => {
        const box = button.getBoundingClientRect();
        return `${Math.round(box.left)},${Math.round(box.top)}`;
      });
      expect(new Set(places).size, 'each marker has its own place').to.equal(places.length);
      for (const button of markerButtons(element)) {
        const box = button.getBoundingClientRect();
        // A marker higher in the stack covers the top of the one below it, so each one's
        // bottom edge stays visible. Compared as a boolean: chai would print the whole element
        // tree on a failure.
        const hit = element.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.bottom - 3);
        expect(hit === null, `a hit at the bottom of ${button.dataset['alertId']}`).to.be.false;
        expect(button.contains(hit), `the bottom of ${button.dataset['alertId']} shows`).to.be.true;
      }
    });

    it('opens a cluster from the keyboard', async () => {
      const { element } = await setupTimeline(snapshotOf('dense', spreadAlerts(300, TIMELINE_START, SPAN)));
      const first = clusterButtons(element)[0]!;
      first.focus();

      await sendKeys({ press: 'Enter' });
      await element.updateComplete;

      expect(part(element, 'zoom-out-button').hasAttribute('disabled')).to.be.false;
    });
  });

  describe('forced colors', () => {
    // NOTE: this runner's Chromium ignores emulated `forced-colors`, so these tests apply the
    // rules of the stylesheet's `@media (forced-colors: active)` block without the media query.
    // They check what those rules do, not the browser's own colour overrides.
    async function forcedColorsTimeline(snapshot?: Parameters<typeof setupTimeline>[0]): Promise<Awaited<ReturnType<typeof setupTimeline>>> {
      const setup = await setupTimeline(snapshot);
      const root = setup.element.shadowRoot!;
      const media = root.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules])
        .find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors'));
      expect(media, 'forced-colors block').to.exist;
      const forced = new CSSStyleSheet();
      forced.replaceSync([...media!.cssRules].map((rule) => rule.cssText).join('\n'));
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];
      return setup;
    }

    it('keeps severities apart by shape', async () => {
      const { element } = await forcedColorsTimeline();
      const byAlert = new Map(markerButtons(element).map((button) => [button.dataset['alertId'], button]));
      const shapeOf = (id: string): string => byAlert.get(id)!.querySelector('.shape')!.outerHTML;
      const colorOf = (id: string): string => getComputedStyle(byAlert.get(id)!).color;

      // Every severity is drawn in the one system text colour, so only the shapes tell them apart.
      const ids = ['a-powershell', 'a-hidden-file', 'a-sign-in', 'a-mail-rule', 'a-rare-domain'];
      expect(new Set(ids.map(colorOf)).size).to.equal(1);
      expect(colorOf('a-powershell')).to.equal(probeColor(element, 'CanvasText'));
      expect(new Set(ids.map(shapeOf)).size).to.equal(5);
    });

    it('draws clusters and the range in system colours', async () => {
      const { element, session } = await forcedColorsTimeline(snapshotOf('dense', spreadAlerts(300, TIMELINE_START, SPAN)));
      session.setRange({ start: TIMELINE_START, end: TIMELINE_START + 10 * MINUTE });
      await element.updateComplete;

      const cluster = getComputedStyle(clusterButtons(element)[0]!);
      const range = getComputedStyle(part(element, 'range'));
      expect(cluster.borderTopColor).to.equal(probeColor(element, 'CanvasText'));
      expect(range.borderLeftColor).to.equal(probeColor(element, 'Highlight'));
      expect(range.borderTopStyle).to.equal('dashed');
      expect(range.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    });
  });
});

/** Returns the computed value of a CSS colour keyword inside the element, such as a system colour. */
function probeColor(element: AlertTimeline, color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  element.shadowRoot!.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}
