import { css } from 'lit';

/** The public custom properties of `<il-evidence-list>`, read through private copies. */
export const evidenceListStyles = css`
  :host {
    --_background: var(--il-evidence-list-background, var(--_il-surface));
    --_text: var(--il-evidence-list-text-color, var(--_il-text));
    --_muted: var(--il-evidence-list-muted-color, var(--_il-text-muted));
    --_border: var(--il-evidence-list-border-color, var(--_il-border));
    --_header-background: var(--il-evidence-list-header-background, var(--_il-surface-raised));
    --_selected-background: var(--il-evidence-list-selected-background, var(--_il-surface-raised));
    --_danger: var(--il-evidence-list-danger-color, var(--_il-verdict-malicious));
  }

  .more {
    margin-block-start: var(--_il-space);
  }

  @media (forced-colors: active) {
    .more {
      color: LinkText;
    }
  }
`;
