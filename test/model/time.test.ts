import { expect } from '@open-wc/testing';
import { existsAt, incidentTimeBounds, parseTime, parseTimeField } from '../../src/model/index.js';
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

  it('returns undefined for absent or invalid values', () => {
    for (const value of [null, undefined, '', '  ', 'yesterday', '2021-02-30T00:00:00Z', '2021-13-01', {}, true]) {
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
