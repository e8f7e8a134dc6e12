import { expect } from '@open-wc/testing';
import {
  axisTicks,
  countTimesPassed,
  formatDateTime,
  compareAlerts,
  layoutAlerts,
  sortAlerts,
  nextTime,
  positionOf,
  previousTime,
  timeAtPosition,
  timeDomain,
} from '../../src/components/alert-timeline/time-axis.js';
import {
  TIMELINE_END,
  TIMELINE_START,
  sameTimeSnapshot,
  timelineAlert,
  timelineSnapshot,
} from '../fixtures/timeline-snapshot.js';

const HOUR = { start: TIMELINE_START, end: TIMELINE_END };

describe('alert timeline axis', () => {
  describe('timeDomain', () => {
    it('keeps a span as it is', () => {
      expect(timeDomain(HOUR)).to.deep.equal(HOUR);
    });

    it('widens one instant on both sides', () => {
      const domain = timeDomain({ start: TIMELINE_START, end: TIMELINE_START });
      expect(domain.end - domain.start).to.be.greaterThan(0);
      expect(positionOf(domain, TIMELINE_START)).to.equal(0.5);
    });

    it('maps positions back to times', () => {
      expect(timeAtPosition(HOUR, 0.25)).to.equal(TIMELINE_START + 900_000);
      expect(positionOf(HOUR, TIMELINE_START + 900_000)).to.equal(0.25);
    });
  });

  describe('layoutAlerts', () => {
    it('orders by time, then severity, then id', () => {
      const layout = layoutAlerts(timelineSnapshot().alerts, HOUR);
      expect(layout.markers.map((marker) => marker.alert.id)).to.deep.equal([
        'a-powershell',
        'a-mimikatz',
        'a-hidden-file',
        'a-sign-in',
        'a-mail-rule',
        'a-rare-domain',
      ]);
    });

    it('stacks alerts with the same time', () => {
      const layout = layoutAlerts(timelineSnapshot().alerts, HOUR);
      const stacks = Object.fromEntries(layout.markers.map((marker) => [marker.alert.id, marker.stack]));
      expect(stacks['a-mimikatz']).to.equal(0);
      expect(stacks['a-hidden-file']).to.equal(1);
      expect(stacks['a-sign-in']).to.equal(0);
      expect(layout.maxStack).to.equal(2);
    });

    it('stacks a burst in the same order whatever the input order', () => {
      const alerts = sameTimeSnapshot(10).alerts;
      const forward = layoutAlerts(alerts, HOUR).markers.map((marker) => marker.alert.id);
      const backward = layoutAlerts([...alerts].reverse(), HOUR).markers.map((marker) => marker.alert.id);
      expect(backward).to.deep.equal(forward);

      const severities = layoutAlerts(alerts, HOUR).markers.slice(1).map((marker) => marker.alert.severity);
      expect(severities.indexOf('high')).to.equal(0);
      expect(severities.lastIndexOf('high')).to.be.lessThan(severities.indexOf('medium'));
      expect(severities.at(-1)).to.equal('unknown');
    });

    it('lists alerts without a usable time apart', () => {
      const layout = layoutAlerts(timelineSnapshot().alerts, HOUR);
      expect(layout.untimed.map((alert) => alert.id)).to.deep.equal(['a-token', 'a-bad-time']);
      for (const marker of layout.markers) expect(Number.isFinite(marker.position)).to.be.true;
    });

    it('gives a span only to an alert whose last activity is later', () => {
      const layout = layoutAlerts(timelineSnapshot().alerts, HOUR);
      const withSpan = layout.markers.filter((marker) => marker.endTime !== undefined);
      expect(withSpan.map((marker) => marker.alert.id)).to.deep.equal(['a-powershell']);
      expect(withSpan[0]!.endPosition).to.be.closeTo(20 / 60, 1e-12);
    });

    it('collects distinct times in order', () => {
      const layout = layoutAlerts(timelineSnapshot().alerts, HOUR);
      expect(layout.times).to.deep.equal([
        TIMELINE_START,
        TIMELINE_START + 750_000,
        TIMELINE_START + 2_100_000,
        TIMELINE_START + 3_000_000,
        TIMELINE_END,
      ]);
    });
  });

  describe('sortAlerts', () => {
    it('gives the order of compareAlerts', () => {
      const severities = ['high', 'medium', 'low', 'informational', 'unknown'] as const;
      const alerts = Array.from({ length: 500 }, (_, index) =>
        timelineAlert(
          `s-${(index * 7919) % 500}`,
          `Alert ${index}`,
          severities[(index * 31) % 5]!,
          index % 11 === 0 ? undefined : TIMELINE_START + ((index * 104_729) % 37) * 1000,
        ),
      );
      const expected = [...alerts].sort(compareAlerts).map((alert) => alert.id);
      expect(sortAlerts(alerts).map((alert) => alert.id)).to.deep.equal(expected);
    });
  });

  describe('stepping', () => {
    const times = [10, 20, 30];

    it('finds the previous time', () => {
      expect(previousTime(times, 25)).to.equal(20);
      expect(previousTime(times, 20)).to.equal(10);
      expect(previousTime(times, 10)).to.be.undefined;
    });

    it('finds the next time', () => {
      expect(nextTime(times, 15)).to.equal(20);
      expect(nextTime(times, 20)).to.equal(30);
      expect(nextTime(times, 30)).to.be.undefined;
    });

    it('counts times passed in (from, to]', () => {
      expect(countTimesPassed(times, 10, 30)).to.equal(2);
      expect(countTimesPassed(times, 9, 10)).to.equal(1);
      expect(countTimesPassed(times, 30, 40)).to.equal(0);
      expect(countTimesPassed(times, 30, 10)).to.equal(0);
    });
  });

  describe('axisTicks', () => {
    it('labels an hour in minutes with the date on the first tick', () => {
      const ticks = axisTicks(HOUR, 'UTC', 6, 'en-US');
      expect(ticks.length).to.be.within(3, 8);
      expect(ticks[0]!.date).to.equal('Mar 12');
      expect(ticks[0]!.label).to.match(/^\d{2}:\d{2}( [AP]M)?$/);
      expect(ticks[1]!.date).to.equal(undefined);
      expect(ticks[1]!.label).to.match(/^\d{2}:\d{2}( [AP]M)?$/);
      for (const tick of ticks) expect(tick.position).to.be.within(0, 1);
    });

    it('puts UTC ticks on round UTC minutes', () => {
      for (const tick of axisTicks(HOUR, 'UTC', 6)) {
        expect(tick.time % 60_000).to.equal(0);
      }
    });

    it('labels a span of weeks by date', () => {
      const weeks = { start: TIMELINE_START, end: TIMELINE_START + 21 * 86_400_000 };
      const ticks = axisTicks(weeks, 'UTC', 6, 'en-US');
      expect(ticks[0]!.label).to.match(/^[A-Z][a-z]{2} \d{1,2}$/);
    });

    it('labels seconds for a short span', () => {
      const short = { start: TIMELINE_START, end: TIMELINE_START + 30_000 };
      const ticks = axisTicks(short, 'UTC', 6, 'en-US');
      expect(ticks[1]!.label).to.match(/^\d{2}:\d{2}:\d{2}( [AP]M)?$/);
    });

    it('puts a new date on the tick after midnight', () => {
      const night = { start: Date.UTC(2024, 2, 12, 22), end: Date.UTC(2024, 2, 13, 2) };
      const dates = axisTicks(night, 'UTC', 8, 'en-US').map((tick) => tick.date);
      expect(dates.filter((date) => date === 'Mar 13')).to.have.length(1);
      expect(dates[0]).to.equal('Mar 12');
    });
  });

  describe('formatDateTime', () => {
    it('formats with seconds and the zone name', () => {
      expect(formatDateTime(TIMELINE_START + 1000, 'UTC', 'en-US')).to.equal('03/12/2024, 08:00:01 AM UTC');
    });
  });
});
