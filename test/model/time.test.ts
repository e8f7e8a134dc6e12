import { expect } from '@open-wc/testing';
import { existsAt, incidentTimeBounds, parseTime, parseTimeField } from '../../src/model/index.js';
import { compareByTime, type TimeOrderKey } from '../../src/model/time.js';
import type { DataIssue } from '../../src/model/index.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';

describe('parseTime', () => {
  it('parses ISO 8601', () => {
    expect(parseTime('2021-08-13T08:43:35.5533333Z')).to.equal(Date.UTC(2021, 7, 13, 8, 43, 35, 553));
    expect(parseTime('2021-08-13T10:43:35+02:00')).to.equal(Date.UTC(2021, 7, 13, 8, 43, 35));
    expect(parseTime('2021-08-13T08:43:35.1-0130')).to.equal(Date.UTC(2021, 7, 13, 10, 13, 35, 100));
    expect(parseTime('2021-08-13')).to.equal(Date.UTC(2021, 7, 13));
  });

  it('reads a time without zone as UTC', () => {
    expect(parseTime('2026-03-10T09:26:05.12')).to.equal(Date.UTC(2026, 2, 10, 9, 26, 5, 120));
  });

  it('accepts epoch milliseconds', () => {
    expect(parseTime(1700000000000)).to.equal(1700000000000);
    expect(parseTime(Number.NaN)).to.equal(undefined);
  });

  it('reads each time format', () => {
    const instant = Date.UTC(2021, 7, 13, 8, 43, 35, 553);
    const cases: Array<[unknown, number]> = [
      ['2021-08-13T08:43:35.553Z', instant],
      ['2021-08-13T08:43:35.5533333Z', instant],
      ['2021-08-13T08:43:35.553999Z', instant],
      ['2021-08-13T10:43:35.553+02:00', instant],
      ['2021-08-13T03:13:35.553-0530', instant],
      ['2021-08-13T08:43:35.553+00', instant],
      ['2021-08-13 08:43:35.553Z', instant],
      ['2021-08-13t08:43:35.553z', instant],
      ['2021-08-13T08:43:35,553Z', instant],
      ['2021-08-13T08:43:35.553', instant],
      [instant, instant],
      [String(instant), instant],
      [instant / 1000, instant],
      [String(instant / 1000), instant],
      [new Date(instant), instant],
    ];
    for (const [value, expected] of cases) expect(parseTime(value), String(value)).to.equal(expected);
  });

  it('truncates microseconds', () => {
    expect(parseTime('2024-03-12T08:00:00.999999Z')).to.equal(Date.UTC(2024, 2, 12, 8, 0, 0, 999));
    expect(parseTime('2024-03-12T08:00:00.0009Z')).to.equal(Date.UTC(2024, 2, 12, 8, 0, 0, 0));
  });

  it('reads epoch seconds below 1e11', () => {
    expect(parseTime(1_700_000_000)).to.equal(1_700_000_000_000);
    expect(parseTime(1_700_000_000.25)).to.equal(1_700_000_000_250);
    expect(parseTime(99_999_999_999)).to.equal(99_999_999_999_000);
    expect(parseTime(100_000_000_000)).to.equal(100_000_000_000);
    expect(parseTime('1700000000')).to.equal(1_700_000_000_000);
    expect(parseTime(0)).to.equal(0);
  });

  it('reads a leap second as the end of its minute', () => {
    expect(parseTime('2016-12-31T23:59:60Z')).to.equal(Date.UTC(2016, 11, 31, 23, 59, 59, 999));
    expect(parseTime('2016-12-31T23:59:61Z')).to.equal(undefined);
  });

  it('reads a time without zone the same in every zone', () => {
    // The runtime's zone never enters: the result equals the UTC reading.
    expect(parseTime('2024-11-03T01:30:00')).to.equal(Date.UTC(2024, 10, 3, 1, 30));
    expect(parseTime('2024-03-31T02:30:00')).to.equal(Date.UTC(2024, 2, 31, 2, 30));
  });

  it('returns undefined for absent or invalid values', () => {
    const invalid = [null, undefined, '', '  ', 'yesterday', '2021-02-30T00:00:00Z', '2021-13-01', {}, true, Infinity, '1e3', '12:00', '2021-08-13T25:00:00Z'];
    for (const value of invalid) {
      expect(parseTime(value), String(value)).to.equal(undefined);
    }
  });
});

describe('parseTimeField', () => {
  it('reports a present invalid value', () => {
    const issues: DataIssue[] = [];
    expect(parseTimeField('not a time', issues, 'a1', 'firstActivityDateTime')).to.equal(undefined);
    expect(parseTimeField(null, issues, 'a1', 'lastActivityDateTime')).to.equal(undefined);
    expect(issues).to.deep.equal([{ id: 'a1', field: 'firstActivityDateTime', problem: 'invalid time "not a time"; it is left out' }]);
  });

  it('reports a present value of another type', () => {
    const issues: DataIssue[] = [];
    expect(parseTimeField({ when: 'now' }, issues, 'a1', 'createdDateTime')).to.equal(undefined);
    expect(parseTimeField(true, issues, 'a1', 'lastUpdateDateTime')).to.equal(undefined);
    expect(parseTimeField('  ', issues, 'a1', 'resolvedDateTime')).to.equal(undefined);
    expect(issues).to.deep.equal([
      { id: 'a1', field: 'createdDateTime', problem: 'invalid time of type object; it is left out' },
      { id: 'a1', field: 'lastUpdateDateTime', problem: 'invalid time of type boolean; it is left out' },
    ]);
  });
});

describe('existsAt', () => {
  it('compares with the time cursor', () => {
    expect(existsAt(10, 9)).to.equal(false);
    expect(existsAt(10, 10)).to.equal(true);
    expect(existsAt(undefined, 0)).to.equal(true);
    expect(existsAt(10, undefined)).to.equal(true);
  });
});

describe('incidentTimeBounds', () => {
  it('spans the contoso sample', () => {
    const snapshot = fromMicrosoftGraph(contosoPhishToMacro)[0]!;
    expect(incidentTimeBounds(snapshot)).to.deep.equal({
      start: Date.parse('2026-03-10T08:58:12.800Z'),
      end: Date.parse('2026-03-10T11:03:04Z'),
    });
  });

  it('returns undefined without times', () => {
    expect(
      incidentTimeBounds({
        incident: { id: 'i', title: 'i', severity: 'low', status: 'active', tags: [] },
        alerts: [],
        entities: [],
        relations: [],
        issues: [],
      }),
    ).to.equal(undefined);
  });
});

describe('compareByTime', () => {
  const key = (time: number | undefined, severity: TimeOrderKey['severity'], id: string): TimeOrderKey => ({ time, severity, id });

  it('orders by time, severity, then id', () => {
    const keys = [
      key(2, 'low', 'a'),
      key(1, 'low', 'b'),
      key(1, 'high', 'c'),
      key(1, 'high', 'B'),
      key(undefined, 'high', 'd'),
      key(Number.NaN, 'high', 'e'),
      key(1, undefined, 'f'),
    ];
    const ids = [...keys].sort(compareByTime).map((item) => item.id);
    expect(ids).to.deep.equal(['B', 'c', 'b', 'f', 'a', 'd', 'e']);
  });

  it('gives one order for any input order', () => {
    const keys = ['low', 'high', 'unknown', 'medium', 'informational'].flatMap((severity, index) =>
      ['x', 'y'].map((suffix) => key(5, severity as TimeOrderKey['severity'], `${suffix}${index}`)),
    );
    const forward = [...keys].sort(compareByTime).map((item) => item.id);
    const backward = [...keys].reverse().sort(compareByTime).map((item) => item.id);
    expect(backward).to.deep.equal(forward);
    expect(forward.slice(0, 2)).to.deep.equal(['x1', 'y1']);
  });
});
