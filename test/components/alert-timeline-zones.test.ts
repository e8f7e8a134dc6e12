import { expect } from '@open-wc/testing';
import { clampView, panView, revealTime, zoomView } from '../../src/components/alert-timeline/axis-view.js';
import { groupMarkers, tallestStack } from '../../src/components/alert-timeline/density.js';
import { axisTicks, formatDateTime, layoutAlerts } from '../../src/components/alert-timeline/time-axis.js';
import { formatOffset, isAmbiguousLocalTime, zoneOffsetAt } from '../../src/components/shared/zone-offset.js';
import { timelineAlert } from '../fixtures/timeline-snapshot.js';

const HOUR = 3_600_000;

// New York leaves daylight saving at 06:00 UTC on 3 November 2024: local 01:00 to 02:00 runs
// twice, first at UTC-4 (05:00 to 06:00 UTC), then at UTC-5 (06:00 to 07:00 UTC).
const NEW_YORK_FIRST_PASS = Date.UTC(2024, 10, 3, 5, 30);
const NEW_YORK_SECOND_PASS = Date.UTC(2024, 10, 3, 6, 30);

// Berlin starts daylight saving at 01:00 UTC on 31 March 2024: local 02:00 to 03:00 is skipped.
const BERLIN_SPRING = Date.UTC(2024, 2, 31, 1, 30);

describe('alert timeline zones', () => {
  describe('zoneOffsetAt', () => {
    it('reads offsets on both sides of a change', () => {
      expect(zoneOffsetAt(NEW_YORK_FIRST_PASS, 'America/New_York')).to.equal(-240);
      expect(zoneOffsetAt(NEW_YORK_SECOND_PASS, 'America/New_York')).to.equal(-300);
      expect(zoneOffsetAt(BERLIN_SPRING, 'Europe/Berlin')).to.equal(120);
      expect(zoneOffsetAt(BERLIN_SPRING, 'Asia/Kolkata')).to.equal(330);
      expect(zoneOffsetAt(BERLIN_SPRING, 'UTC')).to.equal(0);
    });
  });

  describe('isAmbiguousLocalTime', () => {
    it('finds both passes of a repeated hour', () => {
      expect(isAmbiguousLocalTime(NEW_YORK_FIRST_PASS, 'America/New_York')).to.be.true;
      expect(isAmbiguousLocalTime(NEW_YORK_SECOND_PASS, 'America/New_York')).to.be.true;
    });

    it('leaves times next to the repeated hour alone', () => {
      expect(isAmbiguousLocalTime(NEW_YORK_FIRST_PASS - HOUR, 'America/New_York')).to.be.false;
      expect(isAmbiguousLocalTime(NEW_YORK_SECOND_PASS + HOUR, 'America/New_York')).to.be.false;
    });

    it('finds no ambiguity where clocks go forward', () => {
      for (const offset of [-2, -1, 0, 1, 2]) {
        expect(isAmbiguousLocalTime(BERLIN_SPRING + offset * HOUR, 'Europe/Berlin'), `${offset} h`).to.be.false;
      }
    });

    it('finds none in UTC', () => {
      expect(isAmbiguousLocalTime(NEW_YORK_FIRST_PASS, 'UTC')).to.be.false;
    });
  });

  describe('formatDateTime', () => {
    it('shows the offset in a repeated hour', () => {
      const first = formatDateTime(NEW_YORK_FIRST_PASS, 'America/New_York', 'en-US');
      const second = formatDateTime(NEW_YORK_SECOND_PASS, 'America/New_York', 'en-US');
      expect(first).to.contain('1:30:00');
      expect(first).to.contain('GMT-04:00');
      expect(second).to.contain('1:30:00');
      expect(second).to.contain('GMT-05:00');
    });

    it('shows the zone name elsewhere', () => {
      expect(formatDateTime(NEW_YORK_FIRST_PASS - 2 * HOUR, 'America/New_York', 'en-US')).to.contain('EDT');
      expect(formatDateTime(NEW_YORK_SECOND_PASS + 2 * HOUR, 'America/New_York', 'en-US')).to.contain('EST');
    });
  });

  describe('axisTicks', () => {
    it('adds the offset to ticks in a repeated hour', () => {
      const night = { start: NEW_YORK_FIRST_PASS - 2 * HOUR, end: NEW_YORK_SECOND_PASS + 2 * HOUR };
      const labels = axisTicks(night, 'America/New_York', 8, 'en-US').map((tick) => tick.label);
      const withOffset = labels.filter((label) => label.includes('UTC-'));
      expect(withOffset.length, labels.join(', ')).to.be.at.least(2);
      expect(withOffset.some((label) => label.endsWith('UTC-04:00'))).to.be.true;
      expect(withOffset.some((label) => label.endsWith('UTC-05:00'))).to.be.true;
    });

    it('labels months and years for long spans', () => {
      const months = axisTicks({ start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 9, 1) }, 'UTC', 6, 'en-US');
      expect(months[0]!.label).to.match(/^[A-Z][a-z]{2} 2024$/);
      const years = axisTicks({ start: Date.UTC(2020, 0, 1), end: Date.UTC(2026, 0, 1) }, 'UTC', 6, 'en-US');
      expect(years[0]!.label).to.match(/^20\d{2}$/);
    });

    it('formats an offset', () => {
      expect(formatOffset(NEW_YORK_SECOND_PASS, 'America/New_York')).to.equal('UTC-05:00');
      expect(formatOffset(BERLIN_SPRING, 'Asia/Kolkata')).to.equal('UTC+05:30');
    });
  });

  describe('axis view', () => {
    const full = { start: 0, end: 100_000 };

    it('zooms around an anchor that stays in place', () => {
      const view = zoomView(full, full, 4, 0.5);
      expect(view).to.deep.equal({ start: 37_500, end: 62_500 });
    });

    it('stops at the narrowest window', () => {
      const view = zoomView(full, full, 1e9, 0);
      expect(view.end - view.start).to.equal(1000);
    });

    it('stays inside the incident', () => {
      expect(panView(full, { start: 80_000, end: 90_000 }, 5)).to.deep.equal({ start: 90_000, end: 100_000 });
      expect(clampView(full, { start: -5, end: 200_000 })).to.deep.equal(full);
    });

    it('pages to reveal a time', () => {
      const view = { start: 0, end: 10_000 };
      expect(revealTime(full, view, 5_000)).to.equal(view);
      expect(revealTime(full, view, 50_000)).to.deep.equal({ start: 49_000, end: 59_000 });
    });
  });

  describe('groupMarkers', () => {
    const alerts = [0, 1, 2, 3, 4, 5, 50, 90, 91].map((time, index) => timelineAlert(`g${index}`, `Alert ${index}`, index === 4 ? 'high' : 'low', time * 1000));
    const layout = layoutAlerts(alerts, { start: 0, end: 100_000 });

    it('clusters markers closer than the gap', () => {
      const columns = groupMarkers(layout.markers, { start: 0, end: 100_000 }, 0.1, 4, true);
      expect(columns.map((column) => column.markers.length)).to.deep.equal([6, 1, 2]);
      expect(columns.map((column) => column.cluster)).to.deep.equal([true, false, false]);
      expect(columns[0]!.severity).to.equal('high');
      expect(tallestStack(columns)).to.equal(2);
    });

    it('keeps a column a stack when zooming cannot part it', () => {
      const columns = groupMarkers(layout.markers, { start: 0, end: 100_000 }, 0.1, 4, false);
      expect(columns[0]!.cluster).to.be.false;
    });

    it('places only markers inside the window', () => {
      const columns = groupMarkers(layout.markers, { start: 40_000, end: 95_000 }, 0.01, 4, true);
      expect(columns.flatMap((column) => column.markers.map((marker) => marker.alert.id))).to.deep.equal(['g6', 'g7', 'g8']);
      expect(columns[0]!.position).to.be.closeTo(10 / 55, 1e-9);
    });
  });
});
