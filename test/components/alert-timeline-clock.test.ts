import { expect } from '@open-wc/testing';
import {
  PlaybackClock,
  playbackRate,
} from '../../src/components/alert-timeline/playback-clock.js';
import { FakeFrameClock } from './alert-timeline-fake-clock.js';

interface Recorded {
  frames: Array<{ time: number; previous: number }>;
  ends: number[];
}

function recordingClock(fake: FakeFrameClock): { clock: PlaybackClock; recorded: Recorded } {
  const recorded: Recorded = { frames: [], ends: [] };
  const clock = new PlaybackClock({
    clock: fake,
    onFrame: (time, previous) => recorded.frames.push({ time, previous }),
    onEnd: (time) => recorded.ends.push(time),
  });
  return { clock, recorded };
}

describe('alert timeline playback clock', () => {
  describe('playbackRate', () => {
    it('plays the whole span in the duration at speed 1', () => {
      expect(playbackRate(3_600_000, 20_000, 1)).to.equal(180);
    });

    it('multiplies the rate by the speed', () => {
      expect(playbackRate(3_600_000, 20_000, 4)).to.equal(720);
    });

    it('returns 0 for an empty span or an invalid duration', () => {
      expect(playbackRate(0, 20_000, 1)).to.equal(0);
      expect(playbackRate(1000, 0, 1)).to.equal(0);
      expect(playbackRate(1000, Number.NaN, 1)).to.equal(0);
    });
  });

  describe('PlaybackClock', () => {
    it('advances by elapsed wall time times the rate', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(1000, 10_000, 2);
      fake.frame(100);
      fake.frame(50);

      expect(recorded.frames).to.deep.equal([
        { time: 1200, previous: 1000 },
        { time: 1300, previous: 1200 },
      ]);
      expect(clock.running).to.be.true;
    });

    it('stops at the end and reports it once', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(0, 1000, 1);
      fake.frame(600);
      fake.frame(600);
      fake.frame(600);

      expect(recorded.frames.map((frame) => frame.time)).to.deep.equal([600, 1000]);
      expect(recorded.ends).to.deep.equal([1000]);
      expect(clock.running).to.be.false;
      expect(fake.pending).to.equal(0);
    });

    it('follows the anchor formula with irregular frames', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);
      const intervals = [16.7, 33.3, 4.1, 250, 16.6, 16.8, 99.9, 0.5, 1000.25, 16.7];
      const rate = 180;

      clock.play(5_000, 1e12, rate);
      const anchorWall = fake.wall;
      for (const interval of intervals) {
        fake.frame(interval);
        expect(recorded.frames.at(-1)!.time).to.equal(5_000 + (fake.wall - anchorWall) * rate);
      }
      expect(recorded.frames).to.have.length(intervals.length);
    });

    it('continues from the sought time', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(0, 10_000, 1);
      fake.frame(100);
      clock.seek(5_000);
      fake.frame(100);

      expect(recorded.frames.at(-1)).to.deep.equal({ time: 5_100, previous: 5_000 });
    });

    it('changes rate without a jump', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(0, 100_000, 1);
      fake.frame(100);
      fake.wall += 50;
      clock.setRate(10);
      fake.frame(10);

      expect(clock.anchor.time).to.equal(150);
      expect(recorded.frames.at(-1)!.time).to.equal(250);
    });

    it('re-anchors at the last frame after a pause in frames', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(0, 1e9, 1);
      fake.frame(100);
      fake.wall += 60_000;
      clock.reanchor();
      fake.frame(16);

      expect(recorded.frames.at(-1)).to.deep.equal({ time: 116, previous: 100 });
    });

    it('stops without a further frame', () => {
      const fake = new FakeFrameClock();
      const { clock, recorded } = recordingClock(fake);

      clock.play(0, 10_000, 1);
      fake.frame(100);
      clock.stop();
      fake.frame(100);

      expect(recorded.frames).to.have.length(1);
      expect(clock.running).to.be.false;
      expect(clock.time).to.equal(100);
    });

    it('skips the end callback when a frame callback stops the clock', () => {
      const fake = new FakeFrameClock();
      const ends: number[] = [];
      const clock: PlaybackClock = new PlaybackClock({
        clock: fake,
        onFrame: () => clock.stop(),
        onEnd: (time) => ends.push(time),
      });

      clock.play(0, 100, 1);
      fake.frame(500);

      expect(ends).to.deep.equal([]);
    });
  });
});
