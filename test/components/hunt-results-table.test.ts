import { expect } from '@open-wc/testing';
import type { HuntColumn, HuntRecord } from '../../src/adapter/adapter.js';
// The element module registers the strings that cell text uses.
import '../../src/components/hunt-results/hunt-results.js';
import { cellText, cellTime, nextSort, pageOf, resultColumns, sortedRowIndexes } from '../../src/components/hunt-results/hunt-table.js';
import { localeFormat } from '../../src/components/shared/locale-controller.js';

describe('hunt results table helpers', () => {
  describe('sortedRowIndexes', () => {
    const columns: HuntColumn[] = [
      { name: 'Name' },
      { name: 'Count', type: 'number' },
      { name: 'Time', type: 'datetime' },
      { name: 'Signed', type: 'boolean' },
    ];
    const rows: HuntRecord[] = [
      { Name: 'b', Count: 10, Time: '2026-03-14T09:00:00Z', Signed: true },
      { Name: '', Count: null, Time: 'not a time', Signed: false },
      { Name: 'a10', Count: 2, Time: Date.UTC(2026, 2, 14, 8), Signed: true },
      { Name: 'a9', Count: '3', Time: '2026-03-14T10:00:00Z' },
      { Name: 'b', Count: 10, Time: '2026-03-14T09:00:00Z', Signed: false },
    ];

    it('keeps the query order without a sort', () => {
      expect(sortedRowIndexes(rows, columns, undefined)).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('compares strings with numeric collation', () => {
      expect(sortedRowIndexes(rows, columns, { column: 'Name', direction: 'ascending' })).to.deep.equal([3, 2, 0, 4, 1]);
    });

    it('puts blank cells last in both directions', () => {
      const ascending = sortedRowIndexes(rows, columns, { column: 'Count', direction: 'ascending' });
      const descending = sortedRowIndexes(rows, columns, { column: 'Count', direction: 'descending' });

      expect(ascending).to.deep.equal([2, 3, 0, 4, 1]);
      expect(descending).to.deep.equal([0, 4, 3, 2, 1]);
    });

    it('keeps equal rows in query order', () => {
      const descending = sortedRowIndexes(rows, columns, { column: 'Name', direction: 'descending' });

      expect(descending.slice(0, 2)).to.deep.equal([0, 4]);
    });

    it('compares datetimes by time, not text', () => {
      expect(sortedRowIndexes(rows, columns, { column: 'Time', direction: 'ascending' })).to.deep.equal([2, 0, 4, 3, 1]);
    });

    it('sorts false before true', () => {
      expect(sortedRowIndexes(rows, columns, { column: 'Signed', direction: 'ascending' })).to.deep.equal([1, 4, 0, 2, 3]);
    });

    it('ignores a sort on an unknown column', () => {
      expect(sortedRowIndexes(rows, columns, { column: 'Missing', direction: 'ascending' })).to.deep.equal([0, 1, 2, 3, 4]);
    });
  });

  describe('nextSort', () => {
    it('starts ascending, then reverses', () => {
      const first = nextSort(undefined, 'Name');
      const second = nextSort(first, 'Name');
      const other = nextSort(second, 'Count');

      expect(first).to.deep.equal({ column: 'Name', direction: 'ascending' });
      expect(second).to.deep.equal({ column: 'Name', direction: 'descending' });
      expect(other).to.deep.equal({ column: 'Count', direction: 'ascending' });
    });
  });

  describe('pageOf', () => {
    const cases: [rows: number, size: number, index: number, expected: ReturnType<typeof pageOf>][] = [
      [0, 10, 0, { index: 0, count: 1, start: 0, end: 0 }],
      [25, 10, 2, { index: 2, count: 3, start: 20, end: 25 }],
      [25, 10, 9, { index: 2, count: 3, start: 20, end: 25 }],
      [25, 10, -1, { index: 0, count: 3, start: 0, end: 10 }],
      [5, 0, 0, { index: 0, count: 5, start: 0, end: 1 }],
      [5, Number.NaN, 0, { index: 0, count: 5, start: 0, end: 1 }],
    ];
    for (const [rowCount, size, index, expected] of cases) {
      it(`pages ${rowCount} rows by ${size} at ${index}`, () => {
        expect(pageOf(rowCount, size, index)).to.deep.equal(expected);
      });
    }
  });

  describe('cells', () => {
    const english = localeFormat('en-US');
    const german = localeFormat('de-DE');

    it('formats each column type', () => {
      expect(cellText('2026-03-14T09:12:05Z', { name: 'T', type: 'datetime' }, english)).to.equal('03/14/2026, 09:12:05 AM UTC');
      expect(cellText(Date.UTC(2026, 2, 14), { name: 'T', type: 'datetime' }, english)).to.equal('03/14/2026, 12:00:00 AM UTC');
      expect(cellText('yesterday', { name: 'T', type: 'datetime' }, english)).to.equal('yesterday');
      expect(cellText(1234567, { name: 'N', type: 'number' }, english)).to.equal('1,234,567');
      expect(cellText(7424, { name: 'Pid' }, english)).to.equal('7424');
      expect(cellText(true, { name: 'B', type: 'boolean' }, english)).to.equal('Yes');
      expect(cellText({ a: [1] }, { name: 'O' }, english)).to.equal('{"a":[1]}');
      expect(cellText(null, { name: 'O' }, english)).to.equal('');
    });

    it('formats times and numbers in the locale', () => {
      expect(cellText('2026-03-14T09:12:05Z', { name: 'T', type: 'datetime' }, german)).to.equal('14.03.2026, 09:12:05 UTC');
      expect(cellText(new Date(Date.UTC(2026, 2, 14)), { name: 'T' }, german)).to.equal('14.03.2026, 00:00:00 UTC');
      expect(cellText(1234567, { name: 'N', type: 'number' }, german)).to.equal('1.234.567');
      expect(cellText(7424, { name: 'Pid' }, german)).to.equal('7424');
    });

    it('reads times from numbers and ISO strings', () => {
      expect(cellTime('2026-03-14T09:00:00Z')).to.equal(Date.UTC(2026, 2, 14, 9));
      expect(cellTime(42)).to.equal(42);
      expect(cellTime('')).to.equal(undefined);
      expect(cellTime(Number.NaN)).to.equal(undefined);
    });

    it('derives columns from rows in first-seen order', () => {
      const columns = resultColumns({ columns: [], rows: [{ b: 1, a: 2 }, { c: 3, a: 4 }] });

      expect(columns.map((column) => column.name)).to.deep.equal(['b', 'a', 'c']);
    });
  });
});
