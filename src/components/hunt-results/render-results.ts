/**
 * Renders a hunt's results: the summary line (row count, time range, selection), the table
 * with sortable column headers and row checkboxes, the page controls and the link button. A
 * pure function of the view state: the element owns the state and passes the callbacks.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { HuntColumn, HuntQuery, HuntResult } from '../../adapter/adapter.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';
import { cellText, pageOf, sortedRowIndexes, type Page, type SortState } from './hunt-table.js';

export type ResultsLinkState =
  | { status: 'idle' }
  | { status: 'linking'; count: number }
  | { status: 'linked'; count: number }
  | { status: 'failed'; message: string };

export interface ResultsView {
  query: HuntQuery;
  result: HuntResult;
  sort: SortState | undefined;
  pageIndex: number;
  pageSize: number;
  selected: ReadonlySet<number>;
  canLink: boolean;
  link: ResultsLinkState;
  /** Formats of the element's locale, for times, numbers and counts. */
  format: LocaleFormat;
  onSort: (column: string) => void;
  onPage: (index: number) => void;
  onSelectRows: (indexes: readonly number[], selected: boolean) => void;
  onLink: () => void;
}

export function renderResults(view: ResultsView): TemplateResult {
  const { result, format } = view;
  const columns = result.columns;
  const order = sortedRowIndexes(result.rows, columns, view.sort);
  const page = pageOf(order.length, view.pageSize, view.pageIndex);
  const pageRows = order.slice(page.start, page.end);

  return html`<div part="results" class="results" data-row-count=${result.rows.length}>
    <p class="summary">
      <span class="row-count">${rowCount(result.rows.length, format)}</span>
      ${renderTimeRange(result, format)}
      ${view.selected.size > 0
        ? html`<span class="selected-count">${format.msg('hunt.selectedCount', { count: view.selected.size })}</span>`
        : nothing}
    </p>
    ${result.rows.length === 0
      ? html`<p class="hint">${msg('hunt.noRows')}</p>`
      : html`${renderTable(view, columns, pageRows)} ${renderPager(view, page, order.length)}`}
    ${view.canLink && result.rows.length > 0 ? renderLink(view) : nothing}
  </div>`;
}

function rowCount(count: number, format: LocaleFormat): string {
  return count === 1 ? msg('hunt.rowCountOne') : format.msg('hunt.rowCount', { count });
}

/** Renders the time range the query covered. Each form is one whole string, so a translation can reorder it. */
function renderTimeRange(result: HuntResult, format: LocaleFormat): TemplateResult {
  const start = format.time(result.start);
  const end = format.time(result.end);
  let text = msg('hunt.noTimeRange');
  if (start !== undefined && end !== undefined) text = msg('hunt.timeRange', { start, end });
  else if (start !== undefined) text = msg('hunt.timeFrom', { start });
  else if (end !== undefined) text = msg('hunt.timeUntil', { end });

  return html`<span class="time-range" data-start=${result.start ?? nothing} data-end=${result.end ?? nothing}>${text}</span>`;
}

function renderTable(view: ResultsView, columns: readonly HuntColumn[], pageRows: readonly number[]): TemplateResult {
  const selectedOnPage = pageRows.filter((index) => view.selected.has(index)).length;
  const allOnPage = pageRows.length > 0 && selectedOnPage === pageRows.length;

  // The scrolling area takes focus so that keyboard users can scroll a wide table.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-caption">
    <table part="table">
      <caption id="results-caption">${msg('hunt.resultsLabel', { name: view.query.name })}</caption>
      <thead>
        <tr>
          <th scope="col" class="select-cell">
            <input
              type="checkbox"
              aria-label=${msg('hunt.selectPage')}
              .checked=${allOnPage}
              .indeterminate=${selectedOnPage > 0 && !allOnPage}
              @change=${(event: Event) => view.onSelectRows(pageRows, (event.target as HTMLInputElement).checked)}
            />
          </th>
          ${columns.map((column) => renderHeader(column, view))}
        </tr>
      </thead>
      <tbody>
        ${pageRows.map((index) => renderRow(index, columns, view))}
      </tbody>
    </table>
  </div>`;
}

function renderHeader(column: HuntColumn, view: ResultsView): TemplateResult {
  const direction = view.sort?.column === column.name ? view.sort.direction : undefined;
  return html`<th scope="col" aria-sort=${direction ?? nothing} data-column=${column.name} data-type=${column.type ?? 'string'}>
    <button type="button" class="sort-button" title=${msg('hunt.sortBy', { column: column.name })} @click=${() => view.onSort(column.name)}>
      <span>${column.name}</span>${sortIcon(direction)}
    </button>
  </th>`;
}

function sortIcon(direction: SortState['direction'] | undefined): TemplateResult {
  let path = 'M5 6.5l3-3 3 3M5 9.5l3 3 3-3';
  if (direction === 'ascending') path = 'M4.5 10l3.5-4 3.5 4';
  else if (direction === 'descending') path = 'M4.5 6l3.5 4 3.5-4';
  return html`<svg class="sort-icon" data-direction=${direction ?? 'none'} viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;
}

function renderRow(index: number, columns: readonly HuntColumn[], view: ResultsView): TemplateResult {
  const row = view.result.rows[index]!;
  const selected = view.selected.has(index);
  return html`<tr data-row-index=${index} aria-selected=${selected ? 'true' : 'false'}>
    <td class="select-cell">
      <input
        type="checkbox"
        aria-label=${view.format.msg('hunt.selectRow', { row: index + 1 })}
        .checked=${selected}
        @change=${(event: Event) => view.onSelectRows([index], (event.target as HTMLInputElement).checked)}
      />
    </td>
    ${columns.map((column) => {
      const text = cellText(row[column.name], column, view.format);
      return html`<td data-type=${column.type ?? 'string'}><span class="cell" title=${text || nothing}>${text}</span></td>`;
    })}
  </tr>`;
}

function renderPager(view: ResultsView, page: Page, rowTotal: number): TemplateResult | typeof nothing {
  if (page.count <= 1) return nothing;
  return html`<nav class="pager" aria-label=${msg('hunt.pagination')}>
    <button type="button" class="button" ?disabled=${page.index === 0} @click=${() => view.onPage(page.index - 1)}>
      ${msg('hunt.previousPage')}
    </button>
    <span class="page-status" aria-live="polite"
      >${view.format.msg('hunt.pageStatus', { first: page.start + 1, last: page.end, count: rowTotal })}</span
    >
    <button type="button" class="button" ?disabled=${page.index >= page.count - 1} @click=${() => view.onPage(page.index + 1)}>
      ${msg('hunt.nextPage')}
    </button>
  </nav>`;
}

function renderLink(view: ResultsView): TemplateResult {
  const { link } = view;
  const count = view.selected.size;
  const linking = link.status === 'linking';

  let status = '';
  if (link.status === 'linking') status = view.format.msg('hunt.linking', { count: link.count });
  else if (link.status === 'linked') status = view.format.msg('hunt.linked', { count: link.count });
  else if (link.status === 'failed') status = msg('hunt.linkFailed', { message: link.message });

  // aria-disabled keeps the button focusable while a link runs, so focus is not lost.
  return html`<div class="link-bar">
    <button
      part="link-button"
      type="button"
      class="button primary"
      aria-disabled=${linking || count === 0 ? 'true' : 'false'}
      aria-busy=${linking ? 'true' : 'false'}
      @click=${view.onLink}
    >
      ${msg('hunt.link')}
    </button>
    <span class="link-status" role="status" data-state=${link.status}>${status}</span>
  </div>`;
}
