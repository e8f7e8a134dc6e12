import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { EntityRef, HuntQuery, HuntResult, IncidentDataAdapter } from '../../adapter/adapter.js';
import { LocaleController } from '../shared/locale-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { HuntCompleteEvent, LinkToIncidentEvent } from './events.js';
import { huntResultsStyles } from './hunt-results.styles.js';
import { HUNT_STRINGS } from './hunt-strings.js';
import { nextSort, resultColumns, type SortState } from './hunt-table.js';
import { renderResults, type ResultsLinkState, type ResultsView } from './render-results.js';

// A call, not a side-effect import, so that bundlers honouring `sideEffects` keep it.
registerStrings(HUNT_STRINGS);

/** Rows per page when `pageSize` is not set. */
export const DEFAULT_PAGE_SIZE = 20;

type QueriesState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; queries: HuntQuery[] }
  | { status: 'error'; message: string };

type HuntState =
  | { status: 'running'; query: HuntQuery }
  | { status: 'succeeded'; query: HuntQuery; result: HuntResult }
  | { status: 'failed'; query: HuntQuery; message: string }
  | { status: 'cancelled'; query: HuntQuery };

type LinkState = ResultsLinkState;

/** Returns the identity of a target, so a new object naming the same entity is the same target. */
function targetKey(target: EntityRef | undefined): string | undefined {
  if (!target) return undefined;
  return JSON.stringify([target.incidentId, target.entityId, target.kind]);
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.trim() === '' ? msg('hunt.unknownError') : text;
}

/**
 * Lists the adapter's hunting queries for the `target` entity, for example "All activity" or
 * "Related alerts" (the adapter names them). The query the user runs shows its rows in place,
 * in a sortable, paged table with the row count and the time range the query covered. The
 * user selects rows and links them to the incident.
 *
 * The element shows nothing to run unless the adapter has `listHuntQueries` and `runHunt`, and
 * offers linking only when it has `linkToIncident`. Every adapter call gets an `AbortSignal`.
 * Changing `target` or `adapter` aborts the calls under way, and a result that arrives after
 * that (from an adapter that ignores the signal) is discarded. Running another query aborts
 * the running one, and so does the Cancel button.
 *
 * Keyboard: every control is a native button, checkbox or link in reading order, reached with
 * Tab and pressed with Enter or Space. Column headers are buttons that sort by their column,
 * ascending first. The header cell's `aria-sort` gives screen readers the order. The table's
 * scrolling area takes focus, so it scrolls with the arrow keys.
 *
 * @tagname il-hunt-results
 * @summary "Go hunt" for one entity: the adapter's hunting queries, run in place, with their
 * rows in a sortable, paged table that can be linked to the incident.
 *
 * @property {IncidentDataAdapter | undefined} adapter - The adapter whose `listHuntQueries`, `runHunt` and `linkToIncident` the element calls.
 * @property {EntityRef | undefined} target - The entity to hunt for.
 * @property {number} pageSize - Rows per page, at least 1. Attribute `page-size`. Defaults to 20.
 * @property {number} headingLevel - Level of the element's heading, 1 to 6. Attribute `heading-level`. Defaults to 3, to sit under a level 2 heading such as the flyout's title.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the element. Absent or any other value follows `prefers-color-scheme`, or the theme of an enclosing element such as `il-entity-flyout`. Attribute `theme`, reflected.
 *
 * @fires {HuntCompleteEvent} il-hunt-complete - A hunt the user ran finished, with rows or with an error. Not for a cancelled hunt. Detail: `HuntCompleteDetail`, `{ target, query, status, result?, error? }`.
 * @fires {LinkToIncidentEvent} il-link-to-incident - The user asked to link the selected rows to the incident. Cancelable: `preventDefault()` keeps the element from calling the adapter. Detail: `LinkToIncidentDetail`, `{ incidentId, target, query, records }`.
 *
 * @csspart heading - The "Go hunt" heading.
 * @csspart queries - The list of queries.
 * @csspart query - Each query: name, description, Run button and query text.
 * @csspart run-button - Each query's Run button. It reads "Running…" while its hunt runs, since the status line sits below the whole list.
 * @csspart status - The line that reports a running, failed or cancelled hunt.
 * @csspart results - The results: summary, table, pages and link button.
 * @csspart table - The results table.
 * @csspart link-button - The "Link to incident" button.
 *
 * @cssprop --il-hunt-results-background - Background. Defaults to `--il-color-surface`.
 * @cssprop --il-hunt-results-text-color - Text colour. Defaults to `--il-color-text`.
 * @cssprop --il-hunt-results-muted-color - Colour of descriptions, counts and hints. Defaults to `--il-color-text-muted`.
 * @cssprop --il-hunt-results-border-color - Colour of table and query borders. Defaults to `--il-color-border`.
 * @cssprop --il-hunt-results-header-background - Background of the table header. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-hunt-results-selected-background - Background of selected rows. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-hunt-results-cell-max-width - Widest a cell grows before its text is cut with an ellipsis. Defaults to 24em.
 * @cssprop --il-hunt-results-code-font - Font of the query text. Defaults to the system monospace font.
 */
export class HuntResults extends LitElement {
  static override styles = [themeTokens, huntResultsStyles];

  static override properties = {
    adapter: { attribute: false },
    target: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    theme: { reflect: true },
    queriesState: { state: true },
    hunt: { state: true },
    sort: { state: true },
    pageIndex: { state: true },
    selected: { state: true },
    link: { state: true },
  };

  declare adapter: IncidentDataAdapter | undefined;
  declare target: EntityRef | undefined;
  declare pageSize: number;
  declare headingLevel: number;
  declare theme: ThemeName | undefined;

  declare private queriesState: QueriesState;
  declare private hunt: HuntState | undefined;
  declare private sort: SortState | undefined;
  declare private pageIndex: number;
  /** Indexes of the selected rows in the result's `rows`. */
  declare private selected: ReadonlySet<number>;
  declare private link: LinkState;

  private queriesRequest: AbortController | undefined;
  private huntRequest: AbortController | undefined;
  private linkRequest: AbortController | undefined;
  private loadedKey: string | undefined;
  private loadedAdapter: IncidentDataAdapter | undefined;
  private readonly format = new LocaleController(this);

  constructor() {
    super();
    this.adapter = undefined;
    this.target = undefined;
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.headingLevel = 3;
    this.theme = undefined;
    this.queriesState = { status: 'idle' };
    this.hunt = undefined;
    this.sort = undefined;
    this.pageIndex = 0;
    this.selected = new Set();
    this.link = { status: 'idle' };
    this.queriesRequest = undefined;
    this.huntRequest = undefined;
    this.linkRequest = undefined;
    this.loadedKey = undefined;
    this.loadedAdapter = undefined;
  }

  private get canHunt(): boolean {
    return typeof this.adapter?.listHuntQueries === 'function' && typeof this.adapter?.runHunt === 'function';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Calls aborted on disconnection start again for the same target.
    if (this.loadedKey === undefined && this.target) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortAll();
    this.loadedKey = undefined;
    this.loadedAdapter = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const key = this.canHunt ? targetKey(this.target) : undefined;
    if (key === this.loadedKey && this.adapter === this.loadedAdapter) return;

    this.abortAll();
    this.loadedKey = key;
    this.loadedAdapter = this.adapter;
    this.hunt = undefined;
    this.resetResultView();
    this.queriesState = { status: 'idle' };
    if (key !== undefined && this.isConnected) void this.loadQueries();
  }

  protected override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<section class="hunt" aria-labelledby="heading">
      <div id="heading" part="heading" role="heading" aria-level=${level}>${msg('hunt.heading')}</div>
      ${this.renderQueries()} ${this.renderHuntStatus()} ${this.renderHuntResults()}
    </section>`;
  }

  private renderQueries(): TemplateResult {
    if (!this.canHunt) return html`<p class="hint">${msg('hunt.unavailable')}</p>`;
    if (!this.target) return html`<p class="hint">${msg('hunt.noTarget')}</p>`;

    const state = this.queriesState;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return html`<p class="hint" role="status">${msg('hunt.loadingQueries')}</p>`;
      case 'error':
        return html`<div class="notice" role="alert">
          <span>${msg('hunt.queriesFailed', { message: state.message })}</span>
          <button type="button" class="text-button" @click=${this.loadQueries}>${msg('hunt.retry')}</button>
        </div>`;
      case 'ready':
        if (state.queries.length === 0) return html`<p class="hint">${msg('hunt.noQueries')}</p>`;
        return html`<ul part="queries" class="queries" aria-label=${msg('hunt.queriesLabel')}>
          ${state.queries.map((query, index) => this.renderQuery(query, index))}
        </ul>`;
    }
  }

  private renderQuery(query: HuntQuery, index: number): TemplateResult {
    const running = this.hunt?.status === 'running' && this.hunt.query.id === query.id;
    const ran = this.hunt !== undefined && this.hunt.query.id === query.id && !running;
    let runLabel = msg('hunt.run');
    if (running) runLabel = msg('hunt.runningButton');
    else if (ran) runLabel = msg('hunt.rerun');
    return html`<li part="query" class="query" data-query-id=${query.id}>
      <div class="query-main">
        <span id="query-name-${index}" class="query-name">${query.name}</span>
        ${query.description ? html`<span class="query-description">${query.description}</span>` : nothing}
      </div>
      <button
        part="run-button"
        type="button"
        class="button"
        id="run-${index}"
        aria-labelledby="run-${index} query-name-${index}"
        aria-disabled=${running ? 'true' : 'false'}
        @click=${() => this.runQuery(query)}
      >
        ${runLabel}
      </button>
      ${query.query
        ? html`<details class="query-text">
            <summary>${msg('hunt.showQuery')}</summary>
            <pre><code>${query.query}</code></pre>
          </details>`
        : nothing}
    </li>`;
  }

  private renderHuntStatus(): TemplateResult {
    const hunt = this.hunt;
    let text = '';
    if (hunt?.status === 'running') text = msg('hunt.running', { name: hunt.query.name });
    else if (hunt?.status === 'failed') text = msg('hunt.failed', { name: hunt.query.name, message: hunt.message });
    else if (hunt?.status === 'cancelled') text = msg('hunt.cancelled', { name: hunt.query.name });

    // The live region stays in the DOM so that a screen reader announces each change.
    return html`<div part="status" class="status" data-state=${hunt?.status ?? 'idle'} ?hidden=${text === ''}>
      <span role="status">${text}</span>
      ${hunt?.status === 'running'
        ? html`<button type="button" class="text-button" @click=${this.cancelHunt}>${msg('hunt.cancel')}</button>`
        : nothing}
    </div>`;
  }

  private renderHuntResults(): TemplateResult | typeof nothing {
    const hunt = this.hunt;
    if (hunt?.status !== 'succeeded') return nothing;

    const view: ResultsView = {
      query: hunt.query,
      result: hunt.result,
      sort: this.sort,
      pageIndex: this.pageIndex,
      pageSize: this.pageSize,
      selected: this.selected,
      canLink: typeof this.adapter?.linkToIncident === 'function',
      link: this.link,
      format: this.format,
      onSort: this.sortBy,
      onPage: this.showPage,
      onSelectRows: this.selectRows,
      onLink: this.linkSelected,
    };
    return renderResults(view);
  }

  private resetResultView(): void {
    this.sort = undefined;
    this.pageIndex = 0;
    this.selected = new Set();
    this.link = { status: 'idle' };
  }

  private abortAll(): void {
    this.queriesRequest?.abort();
    this.huntRequest?.abort();
    this.linkRequest?.abort();
    this.queriesRequest = undefined;
    this.huntRequest = undefined;
    this.linkRequest = undefined;
  }

  private readonly loadQueries = async (): Promise<void> => {
    const adapter = this.adapter;
    const target = this.target;
    if (!adapter?.listHuntQueries || !target) return;

    this.queriesRequest?.abort();
    const request = new AbortController();
    this.queriesRequest = request;
    this.queriesState = { status: 'loading' };

    let next: QueriesState;
    try {
      const queries = await adapter.listHuntQueries(target, { signal: request.signal });
      next = { status: 'ready', queries: Array.isArray(queries) ? queries : [] };
    } catch (error) {
      next = { status: 'error', message: errorMessage(error) };
    }

    // A late response, for a target no longer shown or a request replaced since, is dropped.
    if (request !== this.queriesRequest || request.signal.aborted) return;
    this.queriesRequest = undefined;
    this.queriesState = next;
  };

  private async runQuery(query: HuntQuery): Promise<void> {
    const adapter = this.adapter;
    const target = this.target;
    if (!adapter?.runHunt || !target) return;
    if (this.hunt?.status === 'running' && this.hunt.query.id === query.id) return;

    this.huntRequest?.abort();
    this.linkRequest?.abort();
    this.linkRequest = undefined;
    const request = new AbortController();
    this.huntRequest = request;
    this.hunt = { status: 'running', query };
    this.resetResultView();

    const sent: HuntQuery = query.target ? query : { ...query, target };
    let next: HuntState;
    let failure: unknown;
    try {
      const result = await adapter.runHunt(sent, { signal: request.signal });
      next = { status: 'succeeded', query, result: normalizeResult(result) };
    } catch (error) {
      failure = error;
      next = { status: 'failed', query, message: errorMessage(error) };
    }

    if (!this.finishHunt(request, next)) return;
    const detail =
      next.status === 'succeeded'
        ? { target, query: sent, status: 'succeeded' as const, result: next.result }
        : { target, query: sent, status: 'failed' as const, error: failure };
    this.dispatchEvent(new HuntCompleteEvent(detail));
  }

  /** Shows the hunt's outcome unless the request was aborted or replaced, and returns whether it did. */
  private finishHunt(request: AbortController, next: HuntState): boolean {
    if (request !== this.huntRequest || request.signal.aborted) return false;
    this.huntRequest = undefined;
    this.hunt = next;
    return true;
  }

  private readonly cancelHunt = (): void => {
    const hunt = this.hunt;
    if (hunt?.status !== 'running') return;
    this.huntRequest?.abort();
    this.huntRequest = undefined;
    this.hunt = { status: 'cancelled', query: hunt.query };
  };

  private readonly sortBy = (column: string): void => {
    this.sort = nextSort(this.sort, column);
    this.pageIndex = 0;
  };

  private readonly showPage = (index: number): void => {
    this.pageIndex = index;
  };

  private readonly selectRows = (indexes: readonly number[], selected: boolean): void => {
    const next = new Set(this.selected);
    for (const index of indexes) {
      if (selected) next.add(index);
      else next.delete(index);
    }
    this.selected = next;
    if (this.link.status !== 'linking') this.link = { status: 'idle' };
  };

  private readonly linkSelected = async (): Promise<void> => {
    const hunt = this.hunt;
    const adapter = this.adapter;
    const target = this.target;
    if (hunt?.status !== 'succeeded' || !target || !adapter?.linkToIncident) return;
    if (this.link.status === 'linking' || this.selected.size === 0) return;

    const indexes = [...this.selected].sort((a, b) => a - b);
    const records = indexes.map((index) => hunt.result.rows[index]!);
    const event = new LinkToIncidentEvent({ incidentId: target.incidentId, target, query: hunt.query, records });
    if (!this.dispatchEvent(event)) return;

    const request = new AbortController();
    this.linkRequest = request;
    this.link = { status: 'linking', count: records.length };

    let next: LinkState;
    try {
      await adapter.linkToIncident(target.incidentId, records, { signal: request.signal });
      next = { status: 'linked', count: records.length };
    } catch (error) {
      next = { status: 'failed', message: errorMessage(error) };
    }

    if (request !== this.linkRequest || request.signal.aborted) return;
    this.linkRequest = undefined;
    this.link = next;
    if (next.status === 'linked') this.selected = new Set();
  };
}

/** Replaces missing `rows` and `columns` in an adapter's result, and derives absent columns from the rows. */
function normalizeResult(result: HuntResult): HuntResult {
  const rows = Array.isArray(result?.rows) ? result.rows.filter((row) => typeof row === 'object' && row !== null) : [];
  const normalized: HuntResult = { ...result, columns: Array.isArray(result?.columns) ? result.columns : [], rows };
  return { ...normalized, columns: resultColumns(normalized) };
}
