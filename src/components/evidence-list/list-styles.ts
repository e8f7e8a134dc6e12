import { css } from 'lit';

/**
 * Table, row and control styles shared by the entity lists (`il-evidence-list`,
 * `il-asset-list`, `il-investigations`). Each element maps its public custom properties onto
 * the private `--_background`, `--_text`, `--_muted`, `--_border`, `--_header-background`,
 * `--_selected-background` and `--_danger` before this sheet. Buttons are at least 24 px
 * tall, the minimum target size of WCAG 2.2.
 */
export const entityListStyles = css`
  :host {
    display: block;
    min-width: 0;
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

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_il-space) / 2) var(--_il-space);
    margin-block-end: var(--_il-space);
  }

  .hint,
  .count {
    margin: 0;
    color: var(--_muted);
  }

  .table-wrap {
    max-width: 100%;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: 4px 8px;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_header-background);
    font-weight: 600;
    white-space: nowrap;
  }

  tbody tr:last-child > * {
    border-block-end: 0;
  }

  tr[data-selected] > * {
    background: var(--_selected-background);
  }

  tr[data-selected] > :first-child {
    box-shadow: inset 3px 0 0 var(--_il-accent);
  }

  .sort-button,
  .entity-button,
  .text-button {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .sort-button {
    font-weight: 600;
  }

  .sort-button[data-sorted]::after {
    content: ' ▲';
    font-size: 0.75em;
  }

  .sort-button[data-sorted='descending']::after {
    content: ' ▼';
  }

  .entity-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    max-width: 32em;
    overflow-wrap: anywhere;
  }

  .entity-button:hover .name,
  .text-button {
    text-decoration: underline;
  }

  .text-button {
    color: var(--_il-accent);
  }

  .kind-icon {
    flex: none;
    fill: currentColor;
  }

  .button,
  .decision-button {
    min-height: 28px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_header-background);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .button[aria-disabled='true'],
  .decision-button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .button[data-destructive],
  .decision-button[data-decision='reject'] {
    border-color: var(--_danger);
  }

  .pending-list {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .pending {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }

  .pending-name:focus {
    outline: none;
  }

  .pending-name:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  .pending-status {
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .decision-status {
    flex-basis: 100%;
    font-size: 0.8125em;
  }

  .decision-status:empty {
    display: none;
  }

  .decision-status[data-phase='failed'] {
    color: var(--_danger);
  }

  select {
    min-height: 28px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .table-wrap,
    th,
    td,
    .button,
    .decision-button,
    select {
      border-color: CanvasText;
    }

    tr[data-selected] > :first-child {
      box-shadow: none;
      border-inline-start: 3px solid Highlight;
    }

    .text-button {
      color: LinkText;
    }

    .button[aria-disabled='true'],
    .decision-button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    .decision-status[data-phase='failed'] {
      color: CanvasText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
