import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ONE_ALERT_PER_SECOND } from '../../src/components/alert-timeline/playback-clock.js';
import { TIMELINE_END, TIMELINE_START, timelineSnapshot } from '../fixtures/timeline-snapshot.js';
import { part, recordEvents, runFrame, setupTimeline } from './alert-timeline-helpers.js';

const SPAN = TIMELINE_END - TIMELINE_START;
const MINUTE = 60_000;

// Distinct alert times of the fixture: 0, 12.5, 35, 50 and 60 minutes after the start.
const ALERT_TIMES = [0, 12.5, 35, 50, 60].map((minutes) => TIMELINE_START + minutes * MINUTE);

// At speed 1 the fixture's hour plays in the default 20 s.
const RATE = SPAN / 20_000;

describe('<il-alert-timeline> player', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('accessibility', () => {
    it('passes an audit with every control', async () => {
      const { element, session } = await setupTimeline();
      session.setRange({ start: ALERT_TIMES[1]!, end: ALERT_TIMES[3]! });
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('names every control', async () => {
      const { element } = await setupTimeline();
      const names = ['start-button', 'previous-button', 'play-button', 'next-button', 'end-button', 'loop-button', 'zoom-in-button', 'zoom-out-button']
        .map((name) => part(element, name).getAttribute('aria-label'));
      expect(names).to.deep.equal(['Go to start', 'Previous alert', 'Play', 'Next alert', 'Go to end', 'Loop', 'Zoom in', 'Zoom out']);
      expect(part(element, 'speed').textContent).to.contain('Playback speed');
    });
  });

  describe('step buttons', () => {
    it('steps to the next alert time', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(TIMELINE_START);
      const changes = recordEvents<{ time: number }>(element, 'il-time-change');

      part(element, 'next-button').click();
      part(element, 'next-button').click();

      expect(session.time).to.equal(ALERT_TIMES[2]);
      expect(changes.map((change) => change.time)).to.deep.equal([ALERT_TIMES[1], ALERT_TIMES[2]]);
    });

    it('steps to the previous alert time', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(ALERT_TIMES[2]! + MINUTE);

      part(element, 'previous-button').click();
      expect(session.time).to.equal(ALERT_TIMES[2]);
      part(element, 'previous-button').click();
      expect(session.time).to.equal(ALERT_TIMES[1]);
    });

    it('stops at the ends', async () => {
      const { element, session } = await setupTimeline();
      const changes = recordEvents(element, 'il-time-change');

      part(element, 'next-button').click();
      expect(session.time).to.equal(TIMELINE_END);
      expect(changes).to.have.length(0);

      session.setTime(TIMELINE_START);
      part(element, 'previous-button').click();
      expect(session.time).to.equal(TIMELINE_START);
      expect(changes).to.have.length(0);
    });

    it('marks the records of the step as new', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(TIMELINE_START);

      part(element, 'next-button').click();
      part(element, 'next-button').click();

      expect(session.stepStart).to.equal(ALERT_TIMES[1]);
      expect(session.isNewNow(ALERT_TIMES[2])).to.be.true;
      expect(session.isNewNow(ALERT_TIMES[1])).to.be.false;
      expect(session.isNewNow(ALERT_TIMES[3])).to.be.false;
    });

    it('marks the same records stepping back and forth', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(TIMELINE_START);
      const marked = (): boolean[] => ALERT_TIMES.map((time) => session.isNewNow(time));

      part(element, 'next-button').click();
      part(element, 'next-button').click();
      const forward = { time: session.time, marked: marked() };
      part(element, 'next-button').click();
      part(element, 'previous-button').click();

      expect(session.time).to.equal(forward.time);
      expect(marked()).to.deep.equal(forward.marked);
    });
  });

  describe('speed', () => {
    function speedMenu(element: HTMLElement): HTMLSelectElement {
      return element.shadowRoot!.querySelector('select')!;
    }

    it('offers 1×, 2×, 5×, 10× and one alert per second', async () => {
      const { element } = await setupTimeline();
      const options = [...speedMenu(element).options].map((option) => option.textContent?.trim());
      expect(options).to.deep.equal(['1×', '2×', '5×', '10×', 'One alert per second']);
      expect(speedMenu(element).value).to.equal('1');
    });

    it('sets the speed and reports it', async () => {
      const { element, session } = await setupTimeline();
      const states = recordEvents(element, 'il-play-state-change');
      const menu = speedMenu(element);

      menu.value = '5';
      menu.dispatchEvent(new Event('change'));

      expect(session.speed).to.equal(5);
      expect(states).to.deep.equal([{ playing: false, speed: 5 }]);
    });

    it('plays faster at a higher speed', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();
      await runFrame(element, clock, 1000);

      speedMenu(element).value = '10';
      speedMenu(element).dispatchEvent(new Event('change'));
      await runFrame(element, clock, 500);

      expect(session.time).to.equal(TIMELINE_START + 1000 * RATE + 500 * RATE * 10);
    });

    it('changes with the arrow keys', async () => {
      const { element, session } = await setupTimeline();
      speedMenu(element).focus();

      await sendKeys({ press: 'ArrowDown' });

      expect(session.speed).to.equal(2);
    });

    it('fires nothing when the host sets the speed', async () => {
      const { element, session } = await setupTimeline();
      const states = recordEvents(element, 'il-play-state-change');

      session.setPlayback(false, 10);
      await element.updateComplete;

      expect(states).to.have.length(0);
      expect(speedMenu(element).value).to.equal('10');
    });
  });

  describe('one alert per second', () => {
    it('jumps to the next alert time each second', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      session.setPlayback(false, ONE_ALERT_PER_SECOND);
      part(element, 'play-button').click();

      const seen: number[] = [];
      for (let second = 0; second < 4; second++) {
        await runFrame(element, clock, 500);
        expect(session.time, `half a second into step ${second}`).to.equal(seen.at(-1) ?? TIMELINE_START);
        await runFrame(element, clock, 500);
        seen.push(session.time!);
      }

      expect(seen).to.deep.equal(ALERT_TIMES.slice(1));
    });

    it('stops at the last alert and reports the end', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      session.setPlayback(false, ONE_ALERT_PER_SECOND);
      const states = recordEvents(element, 'il-play-state-change');
      part(element, 'play-button').click();

      for (let second = 0; second < 6; second++) await runFrame(element, clock, 1000);

      expect(session.time).to.equal(TIMELINE_END);
      expect(session.playing).to.be.false;
      expect(states.at(-1)).to.deep.equal({ playing: false, speed: ONE_ALERT_PER_SECOND });
    });

    it('continues from the cursor between alerts', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(ALERT_TIMES[1]! + MINUTE);
      session.setPlayback(false, ONE_ALERT_PER_SECOND);
      part(element, 'play-button').click();

      await runFrame(element, clock, 999);
      expect(session.time).to.equal(ALERT_TIMES[1]! + MINUTE);
      await runFrame(element, clock, 1);
      expect(session.time).to.equal(ALERT_TIMES[2]);
    });
  });

  describe('loop', () => {
    it('is off by default', async () => {
      const { element } = await setupTimeline();
      expect(element.loop).to.be.false;
      expect(part(element, 'loop-button').getAttribute('aria-pressed')).to.equal('false');
    });

    it('toggles with the loop button', async () => {
      const { element } = await setupTimeline();
      part(element, 'loop-button').click();
      await element.updateComplete;

      expect(element.loop).to.be.true;
      expect(element.hasAttribute('loop')).to.be.true;
      expect(part(element, 'loop-button').getAttribute('aria-pressed')).to.equal('true');
    });

    it('starts again from the start at the end', async () => {
      const { element, session, clock } = await setupTimeline();
      element.loop = true;
      session.setTime(TIMELINE_START);
      const states = recordEvents(element, 'il-play-state-change');
      const changes = recordEvents<{ time: number }>(element, 'il-time-change');
      part(element, 'play-button').click();

      await runFrame(element, clock, 19_000);
      await runFrame(element, clock, 2_000);
      expect(session.time).to.equal(TIMELINE_START);
      expect(changes.at(-1)).to.deep.equal({ time: TIMELINE_START });

      await runFrame(element, clock, 1_000);
      expect(session.time).to.equal(TIMELINE_START + 1000 * RATE);
      expect(session.playing).to.be.true;
      expect(states).to.deep.equal([{ playing: true, speed: 1 }]);
    });
  });

  describe('clock', () => {
    it('does not drift over a long playback', async () => {
      const { element, session, clock } = await setupTimeline();
      // One hour of wall time for the incident's hour: rate 1.
      element.duration = SPAN;
      await element.updateComplete;
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();
      const anchorWall = clock.wall;

      // 200,000 frames of irregular length, 58 minutes of wall time in all. The time must be
      // exactly what the anchor formula gives, with no error collected frame by frame.
      const intervals = [16.7, 33.3, 4.1, 16.6, 16.8, 0.5, 1.25, 17.01];
      for (let index = 0; index < 200_000; index++) clock.frame(intervals[index % intervals.length]!);

      expect(session.playing).to.be.true;
      expect(session.time).to.equal(TIMELINE_START + (clock.wall - anchorWall));
    });

    it('fires no burst after a hidden page returns', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();
      await runFrame(element, clock, 100);
      const changes = recordEvents(element, 'il-time-change');
      const before = session.time!;

      // A hidden page gets no frames while wall time moves on: 10 minutes here, enough to pass
      // every alert of the incident.
      clock.wall += 10 * MINUTE;
      document.dispatchEvent(new Event('visibilitychange'));
      await runFrame(element, clock, 16);

      expect(session.time).to.equal(before + 16 * RATE);
      expect(changes).to.have.length(0);
      expect(session.playing).to.be.true;
    });
  });

  describe('reduced motion', () => {
    it('moves the cursor in steps between alert times', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();

      const times = new Set<number>();
      for (let index = 0; index < 30; index++) {
        await runFrame(element, clock, 700);
        times.add(session.time!);
      }

      // The cursor waits at the start until the first frame that reaches the next alert.
      expect([...times]).to.deep.equal(ALERT_TIMES);
    });

    it('reaches each alert time in its frame', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();

      // 12.5 minutes of incident time take 12.5 * 60,000 / 180 ms of wall time.
      await runFrame(element, clock, Math.ceil((12.5 * MINUTE) / RATE) - 1);
      expect(session.time).to.equal(TIMELINE_START);
      await runFrame(element, clock, 1);
      expect(session.time).to.equal(ALERT_TIMES[1]);
    });
  });

  describe('announcements', () => {
    function liveRegion(element: HTMLElement): HTMLElement {
      return element.shadowRoot!.querySelector('[role="status"]')!;
    }

    it('announces the time and latest alert while playing', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();

      await runFrame(element, clock, 5000);

      // Two alerts start at 08:12:30: the last in time order (high before medium) is named.
      expect(liveRegion(element).textContent).to.equal('03/12/2024, 08:15:00 AM UTC: Hidden file attribute set');
    });

    it('announces at most once per two seconds', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();

      const texts: string[] = [];
      for (let index = 0; index < 300; index++) {
        await runFrame(element, clock, 16);
        const text = liveRegion(element).textContent ?? '';
        if (text !== texts.at(-1)) texts.push(text);
      }

      // 300 frames of 16 ms are 4.8 s: announcements at 0.016 s, about 2.02 s and 4.02 s.
      expect(texts).to.have.length(3);
    });

    it('announces where playback paused', async () => {
      const { element, session, clock } = await setupTimeline();
      session.setTime(TIMELINE_START);
      part(element, 'play-button').click();
      await runFrame(element, clock, 1000);

      part(element, 'play-button').click();
      await element.updateComplete;

      expect(liveRegion(element).textContent).to.equal('Paused at 03/12/2024, 08:03:00 AM UTC');
    });

    it('stays quiet when not playing', async () => {
      const { element, session } = await setupTimeline();
      session.setTime(ALERT_TIMES[2]!);
      part(element, 'next-button').click();
      await element.updateComplete;

      expect(liveRegion(element).textContent).to.equal('');
    });
  });

  describe('keyboard', () => {
    it('operates every button with Enter or Space', async () => {
      const { element, session } = await setupTimeline(timelineSnapshot());
      session.setTime(ALERT_TIMES[2]!);

      part(element, 'previous-button').focus();
      await sendKeys({ press: 'Enter' });
      expect(session.time, 'previous').to.equal(ALERT_TIMES[1]);

      part(element, 'next-button').focus();
      await sendKeys({ press: 'Space' });
      expect(session.time, 'next').to.equal(ALERT_TIMES[2]);

      part(element, 'start-button').focus();
      await sendKeys({ press: 'Enter' });
      expect(session.time, 'start').to.equal(TIMELINE_START);

      part(element, 'play-button').focus();
      await sendKeys({ press: 'Enter' });
      expect(session.playing, 'play').to.be.true;
      await sendKeys({ press: 'Space' });
      expect(session.playing, 'pause').to.be.false;

      part(element, 'end-button').focus();
      await sendKeys({ press: 'Enter' });
      expect(session.time, 'end').to.equal(TIMELINE_END);

      part(element, 'loop-button').focus();
      await sendKeys({ press: 'Space' });
      expect(element.loop, 'loop').to.be.true;

      part(element, 'zoom-in-button').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(part(element, 'zoom-out-button').hasAttribute('disabled'), 'zoom in').to.be.false;

      part(element, 'show-all-button').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(part(element, 'zoom-out-button').hasAttribute('disabled'), 'show all').to.be.true;
    });

    it('reaches the controls in order with Tab', async () => {
      const { element } = await setupTimeline();
      part(element, 'start-button').focus();

      const reached: string[] = [];
      for (let index = 0; index < 9; index++) {
        await sendKeys({ press: 'Tab' });
        const active = element.shadowRoot!.activeElement;
        reached.push(active?.getAttribute('part') ?? active?.getAttribute('role') ?? active?.tagName ?? '');
      }

      expect(reached).to.deep.equal([
        'previous-button',
        'play-button',
        'next-button',
        'end-button',
        'speed-menu',
        'loop-button',
        'zoom-in-button',
        'marker',
        'handle',
      ]);
    });
  });
});
