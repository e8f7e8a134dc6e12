import { css } from 'lit';

/** Styles of the flyout's actions, pending actions and modal drawer. */
export const flyoutActionStyles = css`
  :host {
    --_danger: var(--il-entity-flyout-danger-color, var(--_il-verdict-malicious));
    --_drawer-width: var(--il-entity-flyout-drawer-width, min(28rem, 100vw));
    --_backdrop: var(--il-entity-flyout-backdrop, rgb(0 0 0 / 45%));
  }

  /* The drawer lives in the top layer, so the element itself takes no room on the page. */
  :host([mode='modal']) {
    display: contents;
  }

  [part~='dialog'] {
    position: fixed;
    inset-block: 0;
    inset-inline: auto 0;
    width: var(--_drawer-width);
    max-width: 100%;
    height: 100%;
    max-height: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    border-inline-start: 1px solid var(--_border);
    background: var(--_background);
    color: var(--_text);
    overflow: hidden;
  }

  [part~='dialog'][open] {
    display: flex;
    flex-direction: column;
  }

  [part~='dialog']::backdrop {
    background: var(--_backdrop);
  }

  .action-list {
    display: grid;
    gap: var(--_il-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .action {
    display: grid;
    justify-items: start;
    gap: 4px;
    min-width: 0;
  }

  .action-button,
  .confirm-button,
  .cancel-button {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_code-background);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .action-button:hover,
  .cancel-button:hover {
    background: var(--_hover);
  }

  .action-button[data-destructive],
  .reject-button {
    border-color: var(--_danger);
  }

  .confirm-button {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_background);
    font-weight: 600;
  }

  .action-button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .action-description {
    font-size: 0.8125em;
  }

  .confirm {
    display: grid;
    gap: 6px;
    width: 100%;
    padding: var(--_il-space);
    border: 1px solid var(--_danger);
    border-radius: var(--_il-radius);
  }

  .confirm[hidden] {
    display: none;
  }

  .confirm-prompt,
  .pending-name {
    margin: 0;
  }

  .confirm-buttons,
  .decision-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_il-space);
  }

  .action-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    min-width: 0;
    font-size: 0.8125em;
  }

  .action-status:empty {
    display: none;
  }

  .action-status progress {
    width: 4em;
    height: 0.5em;
  }

  .action-status[data-phase='failed'] {
    color: var(--_danger);
  }

  .pending-action .item-meta {
    margin: 0;
  }

  .pending-name:focus {
    outline: none;
  }

  .pending-name:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .action-button,
    .confirm-button,
    .cancel-button {
      border-color: ButtonText;
    }

    .action-button[data-destructive],
    .reject-button,
    .confirm {
      border-width: 2px;
    }

    .confirm-button {
      background: ButtonText;
      color: ButtonFace;
    }

    .action-button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    .action-status[data-phase='failed'] {
      color: CanvasText;
    }

    [part~='dialog'] {
      border-inline-start: 2px solid CanvasText;
    }
  }
`;
