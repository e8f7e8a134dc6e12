import { css } from 'lit';

export const verdictBadgeStyles = css`
  :host {
    --_color-malicious: var(--il-verdict-badge-color-malicious, var(--_il-verdict-malicious));
    --_color-suspicious: var(--il-verdict-badge-color-suspicious, var(--_il-verdict-suspicious));
    --_color-clean: var(--il-verdict-badge-color-clean, var(--_il-verdict-clean));
    --_color-unknown: var(--il-verdict-badge-color-unknown, var(--_il-verdict-unknown));
    --_color-not-provided: var(--il-verdict-badge-color-not-provided, var(--_il-verdict-none));
    --_color-remediated: var(--il-verdict-badge-color-remediated, var(--_il-remediated));
    --_color-pending: var(--il-verdict-badge-color-pending, var(--_il-pending));
    --_color-failed: var(--il-verdict-badge-color-failed, var(--_il-verdict-malicious));
    --_color-partial: var(--il-verdict-badge-color-partial, var(--_il-verdict-suspicious));
    --_color-neutral: var(--il-verdict-badge-color-neutral, var(--_il-text-muted));
    --_background: var(--il-verdict-badge-background, var(--_il-surface-raised));
    --_text: var(--il-verdict-badge-text-color, var(--_il-text));
    --_radius: var(--il-verdict-badge-radius, 999px);
    --_gap: var(--il-verdict-badge-gap, 4px);
    --_icon-size: var(--il-verdict-badge-icon-size, 1.15em);
    --_font-size: var(--il-verdict-badge-font-size, 0.875em);
    /* Colour of the marks drawn over filled icon shapes (the check in a filled circle). */
    --_icon-contrast: var(--_il-surface);

    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    font-family: var(--_il-font);
    font-size: var(--_font-size);
    line-height: 1.3;
    vertical-align: middle;
  }

  :host([hidden]) {
    display: none;
  }

  .item {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-width: 0;
    color: var(--_state-color);
  }

  :host(:not([compact])) .item {
    padding: 0.1em 0.55em 0.1em 0.4em;
    border: 1px solid var(--_state-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  .label {
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .icon {
    flex: none;
    width: var(--_icon-size);
    height: var(--_icon-size);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  [data-state='malicious'] { --_state-color: var(--_color-malicious); }
  [data-state='suspicious'] { --_state-color: var(--_color-suspicious); }
  [data-state='clean'] { --_state-color: var(--_color-clean); }
  [data-state='unknown'] { --_state-color: var(--_color-unknown); }
  [data-state='notProvided'] { --_state-color: var(--_color-not-provided); }

  [data-group='done'] { --_state-color: var(--_color-remediated); }
  [data-group='pending'] { --_state-color: var(--_color-pending); }
  [data-group='failed'] { --_state-color: var(--_color-failed); }
  [data-group='partial'] { --_state-color: var(--_color-partial); }
  [data-group='neutral'] { --_state-color: var(--_color-neutral); }

  @media (forced-colors: active) {
    :host {
      --_icon-contrast: Canvas;
    }

    .item,
    .label {
      --_state-color: CanvasText;
      color: CanvasText;
    }

    :host(:not([compact])) .item {
      border-color: CanvasText;
      background: Canvas;
    }
  }
`;
