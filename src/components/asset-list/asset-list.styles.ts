import { css } from 'lit';

/** The public custom properties of `<il-asset-list>`, its tabs and its bulk bar. */
export const assetListStyles = css`
  :host {
    --_background: var(--il-asset-list-background, var(--_il-surface));
    --_text: var(--il-asset-list-text-color, var(--_il-text));
    --_muted: var(--il-asset-list-muted-color, var(--_il-text-muted));
    --_border: var(--il-asset-list-border-color, var(--_il-border));
    --_header-background: var(--il-asset-list-header-background, var(--_il-surface-raised));
    --_selected-background: var(--il-asset-list-selected-background, var(--_il-surface-raised));
    --_accent: var(--il-asset-list-accent-color, var(--_il-accent));
    --_danger: var(--il-asset-list-danger-color, var(--_il-verdict-malicious));
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    margin-block-end: var(--_il-space);
    border-block-end: 1px solid var(--_border);
  }

  [role='tab'] {
    min-height: 32px;
    padding: 4px 12px;
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    font-weight: 600;
  }

  .bulk-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px var(--_il-space);
    margin-block-end: var(--_il-space);
    padding: 6px var(--_il-space);
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_header-background);
  }

  .checked-count {
    font-weight: 600;
  }

  .bulk-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_il-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .bulk-action {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
  }

  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 2px 6px;
    border: 1px solid var(--_danger);
    border-radius: var(--_il-radius);
  }

  .confirm-button {
    background: var(--_danger);
    color: var(--_background);
    font-weight: 600;
  }

  .bulk-status {
    font-size: 0.8125em;
  }

  .bulk-status:empty {
    display: none;
  }

  .bulk-status[data-phase='failed'] {
    color: var(--_danger);
  }

  .check-cell {
    width: 2.5em;
  }

  .check-cell input {
    width: 18px;
    height: 18px;
    margin: 3px 0;
  }

  .missing {
    color: var(--_muted);
  }

  .more {
    margin-block-start: var(--_il-space);
  }

  td a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }

  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }

    .bulk-bar,
    .confirm {
      border-color: CanvasText;
    }

    .confirm-button {
      background: ButtonText;
      color: ButtonFace;
    }

    .bulk-status[data-phase='failed'] {
      color: CanvasText;
    }

    td a {
      color: LinkText;
    }
  }
`;
