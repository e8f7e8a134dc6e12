import { css } from 'lit';

/**
 * Styles of the graph element. The `.option` elements of the listbox exist for assistive
 * technology only, since the canvas shows the same nodes, so they are clipped out of sight.
 * Comments stay outside the CSS text, which ships as written.
 */
export const incidentGraphStyles = css`
  :host {
    --_background: var(--il-incident-graph-background, var(--_il-surface));
    --_label: var(--il-incident-graph-label-color, var(--_il-text));
    --_edge: var(--il-incident-graph-edge-color, var(--_il-edge));
    --_node-fill: var(--il-incident-graph-node-color, var(--_il-surface-raised));
    --_alert-icon: var(--_il-surface);

    display: block;
    position: relative;
    height: 420px;
    min-width: 0;
    overflow: hidden;
    font-family: var(--_il-font);
    font-size: var(--_il-font-size);
    color: var(--_label);
    background: var(--_background);
  }

  :host([hidden]) {
    display: none;
  }

  .viewport {
    position: absolute;
    inset: 0;
    outline: none;
    cursor: grab;
    touch-action: none;
  }

  :host([gesture-handling='cooperative']) .viewport {
    touch-action: pan-x pan-y;
  }

  .viewport:active {
    cursor: grabbing;
  }

  .viewport:focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: -2px;
  }

  canvas {
    display: block;
    width: 100%;
    height: 100%;
  }

  .option {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .tooltip {
    position: absolute;
    max-width: min(320px, 80%);
    padding: calc(var(--_il-space) / 2) var(--_il-space);
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    background: var(--_il-surface-raised);
    color: var(--_il-text);
    font-size: 0.9em;
    overflow-wrap: anywhere;
    pointer-events: none;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
  }

  .tooltip.above {
    transform: translateY(-100%);
  }

  .tooltip[hidden] {
    display: none;
  }

  .gesture-hint {
    position: absolute;
    inset: 0;
    background: rgb(0 0 0 / 0.3);
    pointer-events: none;
  }

  .gesture-hint-text {
    position: absolute;
    left: 50%;
    max-width: calc(100% - 4 * var(--_il-space));
    padding: var(--_il-space) calc(var(--_il-space) * 1.5);
    border: 1px solid transparent;
    border-radius: var(--_il-radius);
    background: rgb(0 0 0 / 0.8);
    color: #fff;
    font-size: 1.1em;
    text-align: center;
    transform: translate(-50%, -50%);
  }

  .empty {
    position: absolute;
    inset: 50% 0 auto;
    margin: 0;
    transform: translateY(-50%);
    text-align: center;
    color: var(--_il-text-muted);
    pointer-events: none;
  }

  @media (forced-colors: active) {
    :host {
      --_background: Canvas;
      --_label: CanvasText;
      --_edge: CanvasText;
      --_node-fill: Canvas;
      --_alert-icon: Canvas;
      --_il-border: CanvasText;
      --_il-text-muted: CanvasText;
      --_il-accent: Highlight;
      --_il-focus: Highlight;
      --_il-verdict-malicious: CanvasText;
      --_il-verdict-suspicious: CanvasText;
      --_il-verdict-clean: CanvasText;
      --_il-verdict-unknown: CanvasText;
      --_il-verdict-none: CanvasText;
      --_il-severity-high: CanvasText;
      --_il-severity-medium: CanvasText;
      --_il-severity-low: CanvasText;
      --_il-severity-informational: CanvasText;
      --_il-severity-unknown: CanvasText;
      --_il-remediated: CanvasText;
      --_il-pending: CanvasText;
    }

    .viewport:focus-visible {
      outline-color: Highlight;
    }

    .tooltip {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
      box-shadow: none;
    }
  }
`;
