/** Styles of the alert details and alert story in the side pane of `il-incident-view`. */

import { css } from 'lit';

export const alertPaneStyles = css`
  .alert-pane {
    padding: var(--_il-space) calc(var(--_il-space) * 2);
  }

  .pane-header {
    display: flex;
    align-items: flex-start;
    gap: var(--_il-space);
  }

  .pane-title {
    flex: 1;
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }

  .properties {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 4px var(--_il-space);
  }

  .properties dt {
    color: var(--_il-text-muted);
  }

  .properties dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* The two halves of an e-mail address that breakableAddresses renders. A line breaks between them before it breaks inside one. */
  .address-part {
    display: inline-block;
  }

  h4 {
    margin: calc(var(--_il-space) * 1.5) 0 4px;
    font-size: 0.95em;
  }

  .prose {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .link-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .link-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 2px 0;
  }

  .link-button {
    display: inline-flex;
    gap: 6px;
    min-width: 0;
    padding: 2px 4px;
    border: none;
    background: none;
    color: var(--_il-accent);
    font: inherit;
    text-align: start;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .entity-kind,
  .roles {
    color: var(--_il-text-muted);
  }

  h5 {
    margin: var(--_il-space) 0 2px;
    font-size: 0.9em;
    color: var(--_il-text-muted);
  }

  .story-section {
    margin-top: var(--_il-space);
    padding: 4px var(--_il-space) var(--_il-space);
    border-radius: var(--_il-radius);
    background: var(--_il-surface-raised);
  }

  .story-section h4 {
    margin-top: 4px;
  }

  .hint-inline {
    margin: 0;
    color: var(--_il-text-muted);
  }

  .bullets {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .events {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .events li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
    padding: 2px 0;
  }

  .event-time {
    color: var(--_il-text-muted);
    font-variant-numeric: tabular-nums;
  }

  .icon-link {
    display: inline-grid;
    place-items: center;
    min-width: 24px;
    min-height: 24px;
    color: var(--_il-accent);
  }

  .icon-link svg {
    width: 14px;
    height: 14px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .icon-link:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .story-section {
      border: 1px solid CanvasText;
    }

    .icon-link {
      color: LinkText;
    }
  }
`;
