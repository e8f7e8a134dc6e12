import { css } from 'lit';

/** The public custom properties of `<il-investigations>` and its two-column layout. */
export const investigationsStyles = css`
  :host {
    --_background: var(--il-investigations-background, var(--_il-surface));
    --_text: var(--il-investigations-text-color, var(--_il-text));
    --_muted: var(--il-investigations-muted-color, var(--_il-text-muted));
    --_border: var(--il-investigations-border-color, var(--_il-border));
    --_header-background: var(--il-investigations-raised-background, var(--_il-surface-raised));
    --_selected-background: var(--il-investigations-raised-background, var(--_il-surface-raised));
    --_danger: var(--il-investigations-danger-color, var(--_il-verdict-malicious));
    --_graph-height: var(--il-investigations-graph-height, 320px);
  }

  .investigations {
    display: grid;
    grid-template-columns: minmax(12em, 18em) minmax(0, 1fr);
    gap: calc(var(--_il-space) * 2);
    align-items: start;
  }

  @media (max-width: 40em) {
    .investigations {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .investigation-list {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .investigation-button {
    display: grid;
    gap: 2px;
    width: 100%;
    min-height: 32px;
    padding: 6px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .investigation-button[aria-current='true'] {
    border-color: var(--_il-accent);
    background: var(--_selected-background);
    box-shadow: inset 3px 0 0 var(--_il-accent);
  }

  .investigation-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .state,
  .pending-count,
  .muted,
  time {
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .details h3,
  .details h4 {
    margin: 0 0 4px;
  }

  .details section {
    margin-block-start: calc(var(--_il-space) * 1.5);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--_il-space);
    margin: 0;
    color: var(--_muted);
  }

  .pending-entity {
    display: grid;
    gap: 4px;
    margin-block-end: var(--_il-space);
  }

  .pending-target {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .history {
    display: grid;
    gap: 4px;
    margin: 0;
    padding-inline-start: 1.5em;
  }

  .history-entry {
    overflow-wrap: anywhere;
  }

  .history-entry > * + * {
    margin-inline-start: 6px;
  }

  .graph {
    display: block;
    height: var(--_graph-height);
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
  }

  @media (forced-colors: active) {
    .investigation-button,
    .graph {
      border-color: CanvasText;
    }

    .investigation-button[aria-current='true'] {
      border: 2px solid Highlight;
      box-shadow: none;
    }
  }
`;
