import { css } from 'lit';

// Buttons are at least 24 px tall, the minimum target size of WCAG 2.2.
export const huntResultsStyles = css`
  :host {
    --_background: var(--il-hunt-results-background, var(--_il-surface));
    --_text: var(--il-hunt-results-text-color, var(--_il-text));
    --_muted: var(--il-hunt-results-muted-color, var(--_il-text-muted));
    --_border: var(--il-hunt-results-border-color, var(--_il-border));
    --_header-background: var(--il-hunt-results-header-background, var(--_il-surface-raised));
    --_selected-background: var(--il-hunt-results-selected-background, var(--_il-surface-raised));
    --_cell-max-width: var(--il-hunt-results-cell-max-width, 24em);
    --_code-font: var(--il-hunt-results-code-font, ui-monospace, 'Cascadia Mono', 'Liberation Mono', Menlo, monospace);

    display: block;
    min-width: 0;
    max-width: 100%;
    background: var(--_background);
    color: var(--_text);
    font-family: var(--_il-font);
    font-size: var(--_il-font-size);
    line-height: 1.45;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .hunt {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_il-space);
    min-width: 0;
  }

  [part~='heading'] {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
  }

  .notice,
  .status,
  .link-bar,
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_il-space) / 2) var(--_il-space);
    min-width: 0;
  }

  .status[data-state='failed'],
  .link-status[data-state='failed'] {
    color: var(--_il-verdict-malicious);
  }

  .queries {
    display: grid;
    gap: calc(var(--_il-space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .query {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 2px var(--_il-space);
    padding: 6px var(--_il-space);
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
  }

  .query-main {
    display: grid;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .query-name {
    font-weight: 500;
  }

  .query-description {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .query-text {
    grid-column: 1 / -1;
    min-width: 0;
    font-size: 0.875em;
  }

  .query-text summary {
    color: var(--_il-accent);
    cursor: pointer;
  }

  .query-text pre {
    margin: 4px 0 0;
    padding: 4px 6px;
    overflow: auto;
    max-height: 12em;
    border-radius: calc(var(--_il-radius) / 2);
    background: var(--_il-surface-raised);
    font-family: var(--_code-font);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .button {
    min-height: 24px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_il-surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .button.primary {
    border-color: var(--_il-accent);
    color: var(--_il-accent);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .text-button {
    min-height: 24px;
    padding: 0 2px;
    border: 0;
    background: none;
    color: var(--_il-accent);
    font: inherit;
    cursor: pointer;
  }

  button:focus-visible,
  input:focus-visible,
  summary:focus-visible,
  .table-scroll:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 1px;
  }

  .results {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_il-space) / 2);
    min-width: 0;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_il-space);
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .row-count {
    color: var(--_text);
    font-weight: 500;
  }

  /* The table scrolls inside this box, so a wide result never widens the pane. */
  .table-scroll {
    min-width: 0;
    max-width: 100%;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
  }

  table {
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }

  caption {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  th,
  td {
    padding: 2px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  th {
    position: sticky;
    top: 0;
    padding: 0;
    background: var(--_header-background);
    font-weight: 600;
    white-space: nowrap;
  }

  td[data-type='number'] {
    text-align: end;
  }

  .select-cell {
    width: 1%;
    padding: 2px 6px;
    text-align: center;
  }

  .select-cell input {
    width: 16px;
    height: 16px;
    margin: 4px 0;
  }

  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    width: 100%;
    min-height: 28px;
    padding: 2px 8px;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .sort-icon {
    flex: none;
    width: 12px;
    height: 12px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .sort-icon[data-direction='none'] {
    color: var(--_muted);
  }

  tr[aria-selected='true'] td {
    background: var(--_selected-background);
  }

  .cell {
    display: block;
    max-width: var(--_cell-max-width);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .page-status,
  .link-status {
    color: var(--_muted);
    font-size: 0.875em;
  }

  @media (forced-colors: active) {
    .button,
    .query,
    .table-scroll {
      border-color: ButtonText;
    }

    .button[aria-disabled='true'],
    .button:disabled {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }

    .text-button,
    .query-text summary {
      color: LinkText;
    }

    tr[aria-selected='true'] td {
      background: Highlight;
      color: HighlightText;
    }

    .status[data-state='failed'],
    .link-status[data-state='failed'] {
      color: CanvasText;
    }

    th {
      background: Canvas;
    }
  }
`;
