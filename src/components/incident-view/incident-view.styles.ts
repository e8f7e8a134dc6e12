import { css } from 'lit';
import { themeTokens } from '../shared/theme.js';
import { alertPaneStyles } from './alert-pane.styles.js';

export const incidentViewStyles = [
  themeTokens,
  alertPaneStyles,
  css`
    :host {
      --_pane-width: var(--il-incident-view-pane-width, 360px);
      --_timeline-height: var(--il-incident-view-timeline-height, auto);
      --_graph-min-height: var(--il-incident-view-graph-min-height, 280px);
      --_sheet-height: var(--il-incident-view-sheet-height, 55%);
      display: block;
      /* The details sheet of a narrow view is placed against the element, outside the scrolling frame. */
      position: relative;
      box-sizing: border-box;
      height: var(--il-incident-view-height, 100%);
      min-height: 480px;
      container-type: inline-size;
      font-family: var(--_il-font);
      font-size: var(--_il-font-size);
      color: var(--_il-text);
      background: var(--_il-surface);
    }

    :host([hidden]) {
      display: none;
    }

    /* Spans the view's content box with no height, for the narrow layout's width check in script. */
    .width-probe {
      height: 0;
      visibility: hidden;
    }

    /* The layout lives inside, so a host page's display rule on the element cannot break it. */
    .frame {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: inherit;
    }

    .header {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_il-space) / 2);
      padding: var(--_il-space) calc(var(--_il-space) * 2);
      border-bottom: 1px solid var(--_il-border);
      /* A very long title or tag from the data scrolls here instead of squeezing the graph to no height. */
      max-height: 30%;
      overflow: auto;
      flex-shrink: 0;
    }

    /* The noise-control bar lines up with the header's text, clear of the view's border. */
    il-incident-filters {
      flex-shrink: 0;
      padding-inline: calc(var(--_il-space) * 2);
    }

    .title {
      margin: 0;
      font-size: 1.2em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .facts {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_il-space);
      color: var(--_il-text-muted);
    }

    .tag {
      min-width: 0;
      overflow-wrap: anywhere;
      padding: 0 6px;
      border: 1px solid var(--_il-border);
      border-radius: 999px;
      font-size: 0.9em;
    }

    .severity-chip {
      padding: 1px 8px;
      border-radius: var(--_il-radius);
      border: 1px solid currentColor;
      font-weight: 600;
    }

    .severity-chip[data-severity='high'] { color: var(--_il-severity-high); }
    .severity-chip[data-severity='medium'] { color: var(--_il-severity-medium); }
    .severity-chip[data-severity='low'] { color: var(--_il-severity-low); }
    .severity-chip[data-severity='informational'] { color: var(--_il-severity-informational); }
    .severity-chip[data-severity='unknown'] { color: var(--_il-severity-unknown); }

    .issues {
      display: flex;
      align-items: flex-start;
      gap: var(--_il-space);
      padding: calc(var(--_il-space) / 2) calc(var(--_il-space) * 2);
      background: var(--_il-surface-raised);
      border-bottom: 1px solid var(--_il-border);
    }

    .issues details {
      flex: 1;
      min-width: 0;
    }

    .issues ul {
      max-height: 8em;
      overflow: auto;
      margin: 4px 0;
      padding-left: 1.5em;
      overflow-wrap: anywhere;
    }

    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_il-space);
    }

    .export {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }

    .text-button {
      min-height: 28px;
      padding: 2px 10px;
      border: 1px solid var(--_il-border);
      border-radius: var(--_il-radius);
      background: var(--_il-surface);
      color: var(--_il-text);
      font: inherit;
      cursor: pointer;
    }

    .text-button:hover {
      background: var(--_il-surface-raised);
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
      margin-bottom: calc(var(--_il-space) * -1);
    }

    .tab {
      min-height: 32px;
      padding: 4px 12px;
      border: none;
      border-bottom: 3px solid transparent;
      background: none;
      color: var(--_il-text-muted);
      font: inherit;
      cursor: pointer;
    }

    /* The selected tab is marked by weight and an underline, never by colour alone. */
    .tab[aria-selected='true'] {
      border-bottom-color: var(--_il-accent);
      color: var(--_il-text);
      font-weight: 600;
    }

    .tab:hover {
      color: var(--_il-text);
    }

    .tab:focus-visible {
      outline: 2px solid var(--_il-focus);
      outline-offset: -2px;
    }

    /* The story stays laid out under other tabs, so the graph keeps its size and camera. */
    .panels {
      position: relative;
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }

    .panel {
      flex: 1;
      min-height: 0;
      overflow: auto;
    }

    .story.inactive {
      position: absolute;
      inset: 0;
      visibility: hidden;
    }

    .story {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr) var(--_pane-width);
      grid-template-rows: minmax(0, 1fr) var(--_timeline-height);
      grid-template-areas:
        'graph pane'
        'timeline pane';
    }

    il-incident-graph {
      grid-area: graph;
      min-width: 0;
      min-height: 0;
      /* The graph's own default height is fixed; here it fills its grid area. */
      height: auto;
    }

    il-alert-timeline {
      grid-area: timeline;
      min-width: 0;
      border-top: 1px solid var(--_il-border);
    }

    .pane {
      grid-area: pane;
      min-width: 0;
      overflow: auto;
      border-left: 1px solid var(--_il-border);
      background: var(--_il-surface);
    }

    .pane:focus-visible {
      outline: 2px solid var(--_il-focus);
      outline-offset: -2px;
    }

    .pane il-entity-flyout {
      height: 100%;
    }

    .selection-pane {
      padding: var(--_il-space) calc(var(--_il-space) * 2);
    }

    /* A long name wraps, never the kind label in front of it. */
    .selection-pane .entity-kind {
      flex: none;
      white-space: nowrap;
      overflow-wrap: normal;
    }

    /*
     * Each row keeps its badge or severity chip on its first line, beside a name that wraps,
     * so a badge never sits alone on a line where it could belong to either row.
     */
    .selection-pane .link-list li {
      flex-wrap: nowrap;
      align-items: flex-start;
    }

    .selection-pane .link-list .link-button {
      flex: 1 1 auto;
    }

    .selection-pane .link-list il-verdict-badge,
    .selection-pane .link-list .severity-chip {
      flex: none;
      margin-top: 2px;
    }

    .hint,
    .status {
      margin: 0;
      padding: calc(var(--_il-space) * 2);
      color: var(--_il-text-muted);
    }

    .status.error {
      color: var(--_il-text);
    }

    .icon-button {
      display: inline-grid;
      place-items: center;
      min-width: 28px;
      min-height: 28px;
      padding: 4px;
      border: none;
      border-radius: var(--_il-radius);
      background: none;
      color: inherit;
      cursor: pointer;
    }

    .icon-button svg {
      width: 16px;
      height: 16px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linecap: round;
    }

    .icon-button:hover {
      background: var(--_il-surface-raised);
    }

    button:focus-visible,
    a:focus-visible,
    summary:focus-visible {
      outline: 2px solid var(--_il-focus);
      outline-offset: 2px;
    }

    a {
      color: var(--_il-accent);
    }

    /*
     * A narrow view stacks the graph, the timeline and the pane, and the whole frame scrolls, so
     * the header rows keep their height and the graph keeps its minimum height however short the
     * view is. A selection opens the pane as a sheet over the bottom of the view. The sheet
     * stays in place while the frame scrolls because its containing block is the host.
     */
    @container (max-width: 899px) {
      .frame {
        overflow-y: auto;
      }

      .frame > * {
        flex-shrink: 0;
      }

      .header {
        max-height: none;
        overflow: visible;
      }

      .panels {
        flex: 1 0 auto;
      }

      .panels.story-open {
        position: static;
      }

      .story {
        flex: 1 0 auto;
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: minmax(var(--_graph-min-height), 1fr) var(--_timeline-height) auto;
        grid-template-areas: 'graph' 'timeline' 'pane';
      }

      .pane {
        border-left: none;
        border-top: 1px solid var(--_il-border);
      }

      .pane.open {
        position: absolute;
        inset: auto 0 0;
        z-index: 1;
        height: var(--_sheet-height);
        box-shadow: 0 -4px 16px rgb(0 0 0 / 0.25);
      }

      /* Room at the end of the frame, so everything can scroll above the sheet. */
      .frame.sheet-open::after {
        content: '';
        flex: 0 0 var(--_sheet-height);
      }

      /*
       * A view whose height is auto is as tall as its stack, so the page scrolls and the frame
       * must not scroll too. Its sheet is fixed to the bottom of the viewport, where a sheet at
       * the bottom of the view could be out of sight. The view sets --_sheet-space to the
       * sheet's measured height, because a percentage of the viewport has no equal in the
       * frame's own units.
       */
      .frame.grows {
        overflow-y: visible;
      }

      .frame.grows .pane.open {
        position: fixed;
      }

      .frame.grows.sheet-open::after {
        flex-basis: var(--_sheet-space, 0px);
      }

      .hint {
        padding: var(--_il-space) calc(var(--_il-space) * 2);
      }
    }

    @media (forced-colors: active) {
      .severity-chip,
      .tag,
      .text-button,
      .pane {
        border-color: CanvasText;
        color: CanvasText;
      }

      .tab[aria-selected='true'] {
        border-bottom-color: Highlight;
      }

      .tab:focus-visible {
        outline-color: Highlight;
      }

      .link-button,
      a {
        color: LinkText;
      }

      button:focus-visible,
      a:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
