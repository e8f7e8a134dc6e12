import { css } from 'lit';
import { themeTokens } from '../shared/theme.js';

export const incidentSummaryStyles = [
  themeTokens,
  css`
    :host {
      --_columns: var(--il-incident-summary-columns, repeat(auto-fill, minmax(320px, 1fr)));
      --_observed: var(--il-incident-summary-observed-color, var(--_il-verdict-malicious));
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

    .grid {
      display: grid;
      grid-template-columns: var(--_columns);
      gap: calc(var(--_il-space) * 2);
      padding: calc(var(--_il-space) * 2);
    }

    .card {
      min-width: 0;
      padding: var(--_il-space) calc(var(--_il-space) * 2);
      border: 1px solid var(--_il-border);
      border-radius: var(--_il-radius);
      background: var(--_il-surface);
    }

    h3 {
      margin: 0 0 var(--_il-space);
      font-size: 1.05em;
    }

    h4 {
      margin: calc(var(--_il-space) * 1.5) 0 4px;
      font-size: 0.95em;
    }

    ol,
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }

    .note,
    .status {
      margin: 4px 0;
      color: var(--_il-text-muted);
    }

    .chain > li {
      padding: 4px 0 4px 12px;
      border-left: 4px solid var(--_il-border);
    }

    /* A tactic with alerts has a solid, thick mark; the pattern, not the colour, carries the state. */
    .chain > li[data-state='observed'] {
      border-left-color: var(--_observed);
    }

    .chain > li[data-state='passed'] {
      border-left-style: dashed;
    }

    .chain > li[data-state='not-reached'] .tactic-name {
      color: var(--_il-text-muted);
    }

    .tactic-name {
      font-weight: 600;
    }

    .count,
    .kind,
    .time,
    .risk {
      color: var(--_il-text-muted);
    }

    .count {
      margin-inline-start: var(--_il-space);
      font-size: 0.9em;
    }

    .groups > li {
      padding: 4px 0;
    }

    .alert-links {
      padding-inline-start: var(--_il-space);
    }

    .alert-list > li,
    .ranked > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      padding: 3px 0;
      border-bottom: 1px solid var(--_il-border);
    }

    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(110px, 1fr));
      gap: var(--_il-space);
      margin: 0;
    }

    .counts > div {
      padding: var(--_il-space);
      border-radius: var(--_il-radius);
      background: var(--_il-surface-raised);
    }

    .counts dt {
      display: flex;
      align-items: center;
      gap: 4px;
      color: var(--_il-text-muted);
    }

    .counts dd {
      margin: 0;
      font-size: 1.5em;
      font-weight: 600;
    }

    .properties {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 4px var(--_il-space);
      margin: 0;
    }

    .properties dt {
      color: var(--_il-text-muted);
    }

    .properties dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }

    .tag {
      padding: 0 6px;
      border: 1px solid var(--_il-border);
      border-radius: 999px;
      font-size: 0.9em;
    }

    .severity-chip {
      padding: 0 6px;
      border: 1px solid currentColor;
      border-radius: var(--_il-radius);
      font-size: 0.9em;
      font-weight: 600;
    }

    .severity-chip[data-severity='high'] { color: var(--_il-severity-high); }
    .severity-chip[data-severity='medium'] { color: var(--_il-severity-medium); }
    .severity-chip[data-severity='low'] { color: var(--_il-severity-low); }
    .severity-chip[data-severity='informational'] { color: var(--_il-severity-informational); }
    .severity-chip[data-severity='unknown'] { color: var(--_il-severity-unknown); }

    .link-button {
      display: inline-flex;
      gap: 6px;
      min-width: 0;
      min-height: 24px;
      padding: 2px 4px;
      border: none;
      border-radius: var(--_il-radius);
      background: none;
      color: var(--_il-accent);
      font: inherit;
      text-align: start;
      cursor: pointer;
      overflow-wrap: anywhere;
    }

    .link-button[aria-current='true'] {
      background: var(--_il-surface-raised);
      font-weight: 600;
    }

    .link-button:focus-visible {
      outline: 2px solid var(--_il-focus);
      outline-offset: 2px;
    }

    @media (forced-colors: active) {
      .card,
      .tag,
      .severity-chip {
        border-color: CanvasText;
        color: CanvasText;
      }

      .chain > li[data-state='observed'] {
        border-left-color: Highlight;
      }

      .link-button {
        color: LinkText;
      }

      .link-button[aria-current='true'] {
        outline: 1px solid LinkText;
      }

      .link-button:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
