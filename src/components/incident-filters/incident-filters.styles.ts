import { css } from 'lit';

export const incidentFiltersStyles = css`
  :host {
    --_background: var(--il-incident-filters-background, var(--_il-surface));
    --_text: var(--il-incident-filters-text-color, var(--_il-text));
    --_muted: var(--il-incident-filters-muted-color, var(--_il-text-muted));
    --_border: var(--il-incident-filters-border-color, var(--_il-border));
    --_active: var(--il-incident-filters-active-color, var(--_il-accent));
    --_menu-background: var(--il-incident-filters-menu-background, var(--_il-surface-raised));
    display: block;
    /* The compact layout below queries the bar's own width. */
    container-type: inline-size;
    background: var(--_background);
    color: var(--_text);
    font-family: var(--_il-font);
    font-size: var(--_il-font-size);
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_il-space);
    padding: calc(var(--_il-space) / 2) 0;
  }

  /* Wide layouts lay the controls out as direct items of the bar and never render the button. */
  .controls {
    display: contents;
  }

  .filters-button {
    display: none;
  }

  .search input {
    min-width: 14em;
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }

  .facet {
    position: relative;
  }

  .facet-button,
  .filters-button {
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    cursor: pointer;
  }

  .facet-button {
    display: inline-flex;
    list-style: none;
    user-select: none;
  }

  .facet-button::-webkit-details-marker {
    display: none;
  }

  .facet-button::after,
  .filters-button::after {
    content: '';
    width: 0.4em;
    height: 0.4em;
    border-inline-end: 1.5px solid currentColor;
    border-block-end: 1.5px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }

  .facet[open] > .facet-button::after,
  .filters-button[aria-expanded='true']::after {
    transform: translateY(25%) rotate(225deg);
  }

  .facet[data-active] > .facet-button {
    border-color: var(--_active);
    box-shadow: inset 0 0 0 1px var(--_active);
  }

  .facet-state {
    color: var(--_muted);
  }

  .facet[data-active] .facet-state {
    color: var(--_active);
    font-weight: 600;
  }

  .facet-menu {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    display: grid;
    gap: 2px;
    min-width: 14em;
    max-height: 20em;
    margin: 0;
    padding: 6px;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_il-radius);
    background: var(--_menu-background);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  }

  .option {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 8px;
    min-height: 28px;
    padding: 2px 6px;
    border-radius: 4px;
    cursor: pointer;
  }

  .option:hover {
    background: var(--_background);
  }

  .count,
  .hint {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .hint {
    margin: 4px;
  }

  .grouping {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }

  .toggle,
  .text-button {
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid transparent;
    border-radius: var(--_il-radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .text-button {
    color: var(--_active);
  }

  .text-button:disabled,
  .text-button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
  }

  .toggle {
    border-color: var(--_border);
  }

  .toggle[aria-pressed='true'] {
    border-color: var(--_active);
    box-shadow: inset 0 0 0 1px var(--_active);
  }

  .toggle[aria-pressed='true']::before {
    content: '✓ ';
  }

  /*
   * Compact layout: the search box and the "Filters" button share the first row, and the
   * controls they disclose wrap onto the rows beneath.
   */
  @container (max-width: 599px) {
    .search {
      display: flex;
      flex: 1 1 0;
      min-width: 0;
    }

    .search input {
      flex: 1 1 auto;
      width: 100%;
      min-width: 0;
    }

    .filters-button {
      display: inline-flex;
      background: none;
      color: inherit;
      font: inherit;
      white-space: nowrap;
    }

    .filters-button[data-active] {
      border-color: var(--_active);
      box-shadow: inset 0 0 0 1px var(--_active);
    }

    .controls {
      display: flex;
      flex: 1 0 100%;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_il-space);
    }

    .controls:not([data-expanded]) {
      display: none;
    }
  }

  [hidden] {
    display: none !important;
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
    .facet-button,
    .filters-button,
    .toggle,
    .search input,
    .facet-menu {
      border-color: ButtonText;
    }

    .facet[data-active] > .facet-button,
    .filters-button[data-active],
    .toggle[aria-pressed='true'] {
      border-width: 2px;
      border-color: Highlight;
      box-shadow: none;
    }

    .facet[data-active] .facet-state,
    .text-button {
      color: LinkText;
    }

    .text-button:disabled,
    .text-button[aria-disabled='true'] {
      color: GrayText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
