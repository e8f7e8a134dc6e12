import { css } from 'lit';
import { themeTokens } from '../shared/theme.js';

export const alertQueueStyles = [
  themeTokens,
  css`
    :host {
      --_selected: var(--il-alert-queue-selected-background, var(--_il-surface));
      display: block;
      box-sizing: border-box;
      font-family: var(--_il-font);
      font-size: var(--_il-font-size);
      color: var(--_il-text);
      background: var(--_il-surface);
    }

    :host([hidden]) {
      display: none;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--_il-space);
      padding: var(--_il-space) calc(var(--_il-space) * 2);
      border-bottom: 1px solid var(--_il-border);
    }

    .toolbar label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      color: var(--_il-text-muted);
      font-size: 0.9em;
    }

    select,
    .text-button {
      min-height: 28px;
      padding: 2px 8px;
      border: 1px solid var(--_il-border);
      border-radius: var(--_il-radius);
      background: var(--_il-surface);
      color: var(--_il-text);
      font: inherit;
    }

    .text-button {
      cursor: pointer;
    }

    .note {
      margin: 0;
      padding: 4px calc(var(--_il-space) * 2);
      color: var(--_il-text-muted);
    }

    .table-frame {
      container-type: inline-size;
      overflow: auto;
    }

    table {
      width: 100%;
      border-collapse: collapse;
    }

    th,
    td {
      padding: 4px var(--_il-space);
      border-bottom: 1px solid var(--_il-border);
      text-align: start;
      vertical-align: top;
    }

    /* An unbroken value (a hash, a rule id, a path) wraps anywhere rather than widen the table,
       because the table layout never makes a column narrower than its longest word. */
    td {
      overflow-wrap: anywhere;
    }

    th {
      position: sticky;
      top: 0;
      background: var(--_il-surface);
      font-weight: 600;
    }

    .sort-button {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 4px;
      border: none;
      background: none;
      color: inherit;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    .sort-mark {
      width: 1em;
      color: var(--_il-text-muted);
    }

    /* A bar and a bold title mark the selected row, so severity colours keep their contrast. */
    tr[data-selected] td {
      background: var(--_selected);
    }

    tr[data-selected] td:first-child {
      box-shadow: inset 4px 0 var(--_il-accent);
    }

    .title-button {
      padding: 2px 4px;
      border: none;
      background: none;
      color: var(--_il-accent);
      font: inherit;
      text-align: start;
      cursor: pointer;
      /* The minimum width keeps a title readable beside long entity names, which would
         otherwise take the spare width, and leaves room for the other columns in a narrow
         frame. Only a word longer than that width wraps inside itself. */
      overflow-wrap: anywhere;
      min-width: min(12em, 20cqi);
    }

    tr[data-selected] .title-button {
      font-weight: 600;
    }

    .time,
    .muted {
      color: var(--_il-text-muted);
      white-space: nowrap;
    }

    /* From 900 px up, the demo's sample incidents fit with first activity on one line. A
       narrower frame also lets first activity and entity kinds wrap between words and halves
       the cell padding, so the samples fit down to about 630 px (measured in Chromium with its
       default sans-serif font). Below that, the frame scrolls sideways. */
    @container (max-width: 899px) {
      th,
      td {
        padding-inline: calc(var(--_il-space) / 2);
      }

      .time,
      .entities .muted {
        white-space: normal;
      }
    }

    /* Below that width the category and source columns give way, and below 480 px the status
       too, so the samples fit a phone's width (366 px in the narrow view on a 390 px screen). */
    @container (max-width: 629px) {
      [data-column='category'],
      [data-column='source'] {
        display: none;
      }
    }

    @container (max-width: 479px) {
      [data-column='status'] {
        display: none;
      }
    }

    .entities {
      list-style: none;
      margin: 0;
      padding: 0;
    }

    .entities li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }

    /* Long URLs and paths wrap anywhere, so they do not take the width of the other columns. */
    .entities li > span {
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .roles {
      color: var(--_il-text-muted);
      font-size: 0.9em;
    }

    .severity-chip {
      padding: 0 6px;
      border: 1px solid currentColor;
      border-radius: var(--_il-radius);
      font-weight: 600;
      white-space: nowrap;
    }

    .severity-chip[data-severity='high'] { color: var(--_il-severity-high); }
    .severity-chip[data-severity='medium'] { color: var(--_il-severity-medium); }
    .severity-chip[data-severity='low'] { color: var(--_il-severity-low); }
    .severity-chip[data-severity='informational'] { color: var(--_il-severity-informational); }
    .severity-chip[data-severity='unknown'] { color: var(--_il-severity-unknown); }

    button:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--_il-focus);
      outline-offset: 2px;
    }

    @media (forced-colors: active) {
      .severity-chip {
        border-color: CanvasText;
        color: CanvasText;
      }

      .title-button {
        color: LinkText;
      }

      tr[data-selected] td {
        background: Highlight;
        color: HighlightText;
      }

      tr[data-selected] .title-button {
        color: HighlightText;
      }

      button:focus-visible,
      select:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
