import { css } from 'lit';

export const entityFlyoutStyles = css`
  :host {
    --_background: var(--il-entity-flyout-background, var(--_il-surface));
    --_text: var(--il-entity-flyout-text-color, var(--_il-text));
    --_muted: var(--il-entity-flyout-muted-color, var(--_il-text-muted));
    --_border: var(--il-entity-flyout-border-color, var(--_il-border));
    --_padding: var(--il-entity-flyout-padding, calc(var(--_il-space) * 2));
    --_code-font: var(--il-entity-flyout-code-font, ui-monospace, 'Cascadia Mono', 'Liberation Mono', Menlo, monospace);
    --_code-background: var(--il-entity-flyout-code-background, var(--_il-surface-raised));
    --_title-size: var(--il-entity-flyout-title-font-size, 1.25em);
    --_hover: var(--il-entity-flyout-hover-background, var(--_il-surface-raised));

    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    background: var(--_background);
    color: var(--_text);
    font-family: var(--_il-font);
    font-size: var(--_il-font-size);
    line-height: 1.45;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .flyout {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-width: 0;
    min-height: 0;
  }

  [part~='header'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: calc(var(--_il-space) / 2) var(--_il-space);
    padding: var(--_padding);
    border-bottom: 1px solid var(--_border);
  }

  .header-main {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_il-space) / 2);
    min-width: 0;
  }

  .kind {
    display: flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .kind-icon {
    flex: none;
    width: 1.15em;
    height: 1.15em;
    fill: currentColor;
  }

  [part~='title'] {
    margin: 0;
    font-size: var(--_title-size);
    font-weight: 600;
    line-height: 1.25;
  }

  [part~='title']:focus {
    outline: none;
  }

  [part~='title']:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  .ghost-note,
  .empty,
  .hint {
    margin: 0;
    color: var(--_muted);
  }

  [part~='close-button'] {
    align-self: start;
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_il-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [part~='close-button'] svg {
    width: 16px;
    height: 16px;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
  }

  [part~='close-button']:hover,
  .item-button:hover {
    background: var(--_hover);
  }

  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 1px;
  }

  a {
    color: var(--_il-accent);
  }

  [part~='body'] {
    flex: 1;
    min-height: 0;
    overflow-x: hidden;
    overflow-y: auto;
    padding: 0 var(--_padding) var(--_padding);
  }

  [part~='section'] {
    padding-top: var(--_padding);
  }

  h3,
  h4 {
    margin: 0 0 var(--_il-space);
    font-size: 1em;
    font-weight: 600;
  }

  h4 {
    margin-top: var(--_padding);
    color: var(--_muted);
    font-size: 0.875em;
  }

  dl {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_il-space);
    margin: 0;
  }

  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }

  dt {
    color: var(--_muted);
    font-size: 0.8125em;
  }

  dd {
    min-width: 0;
    margin: 0;
  }

  .value-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .value-list > li + li {
    margin-top: 2px;
  }

  .long-value {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 2px;
    min-width: 0;
  }

  .long-value__text {
    display: flex;
    min-width: 0;
    overflow: hidden;
    padding: 2px 6px;
    border-radius: calc(var(--_il-radius) / 2);
    background: var(--_code-background);
    font-family: var(--_code-font);
    font-size: 0.875em;
    /* Collapsed values stay on one line; line breaks and indentation return when expanded. */
    white-space: nowrap;
  }

  .long-value__head {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .long-value__tail {
    flex: 0 0 auto;
    max-width: 70%;
    overflow: hidden;
  }

  .long-value[data-expanded] .long-value__text {
    display: block;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    word-break: break-all;
  }

  .long-value__actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_il-space);
    min-width: 0;
  }

  .text-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_il-accent);
    font: inherit;
    font-size: 0.8125em;
    cursor: pointer;
  }

  .copy-status {
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .copy-status[data-state='failed'] {
    color: var(--_il-verdict-malicious);
  }

  .item-list {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item-button {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 2px var(--_il-space);
    width: 100%;
    padding: 6px var(--_il-space);
    border: 1px solid transparent;
    border-radius: var(--_il-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .item-button[aria-pressed='true'] {
    border-color: var(--_il-accent);
    background: var(--_hover);
  }

  .item-title {
    display: block;
    min-width: 0;
    font-weight: 500;
  }

  .item-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_il-space);
    grid-column: 1 / -1;
    min-width: 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .item-badge {
    grid-row: 1;
    grid-column: 2;
  }

  .related .item-meta:first-child {
    grid-row: 1;
  }

  .related .item-title {
    grid-row: 2;
    grid-column: 1;
  }

  .related .item-badge {
    grid-row: 2;
  }

  .related-name {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }

  .severity {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }

  .severity::before {
    content: '';
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--_severity-color, currentColor);
  }

  .severity[data-severity='high'] { --_severity-color: var(--_il-severity-high); }
  .severity[data-severity='medium'] { --_severity-color: var(--_il-severity-medium); }
  .severity[data-severity='low'] { --_severity-color: var(--_il-severity-low); }
  .severity[data-severity='informational'] { --_severity-color: var(--_il-severity-informational); }
  .severity[data-severity='unknown'] { --_severity-color: var(--_il-severity-unknown); }

  @media (forced-colors: active) {
    :host {
      border: 1px solid CanvasText;
    }

    .long-value__text {
      border: 1px solid CanvasText;
    }

    .item-button,
    [part~='close-button'] {
      border-color: ButtonText;
    }

    .item-button[aria-pressed='true'] {
      border-color: Highlight;
      outline: 2px solid Highlight;
    }

    .severity::before {
      background: CanvasText;
    }

    .text-button,
    a {
      color: LinkText;
    }

    .copy-status[data-state='failed'] {
      color: CanvasText;
    }
  }
`;
