import { css } from 'lit';

// Markers are 24 px buttons (the minimum target size of WCAG 2.2) and stack 24 px apart.
export const alertTimelineStyles = css`
  :host {
    --_height: var(--il-alert-timeline-height, 72px);
    --_track: var(--il-alert-timeline-track-color, var(--_il-surface-raised));
    --_playhead: var(--il-alert-timeline-playhead-color, var(--_il-accent));
    --_range: var(--il-alert-timeline-range-color, color-mix(in srgb, var(--_il-accent) 18%, transparent));
    --_marker-size: 24px;
    /* A stack taller than this overlaps its markers, each still showing its bottom part, so
       one instant of many alerts does not squeeze what sits beside the timeline. */
    --_max-stack-height: var(--il-alert-timeline-max-stack-height, 144px);
    --_inset: 16px;
    display: block;
    font-family: var(--_il-font);
    font-size: var(--_il-font-size);
    color: var(--_il-text);
  }

  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_il-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [hidden] {
    display: none !important;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_il-space) / 2);
    margin-block-end: calc(var(--_il-space) / 2);
  }

  .control {
    display: inline-grid;
    place-items: center;
    min-inline-size: 32px;
    block-size: 32px;
    padding: 0 6px;
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    background: var(--_il-surface);
    cursor: pointer;
  }

  .control.text {
    padding: 0 10px;
  }

  .control[aria-pressed='true'] {
    border-color: var(--_playhead);
    background: var(--_track);
    box-shadow: inset 0 0 0 1px var(--_playhead);
  }

  .zoom {
    display: inline-flex;
    gap: calc(var(--_il-space) / 2);
  }

  .speed select {
    block-size: 32px;
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    background: var(--_il-surface);
    color: inherit;
    font: inherit;
  }

  .range-readout {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_il-space) / 2);
    color: var(--_il-text-muted);
  }

  .control:disabled {
    cursor: default;
    opacity: 0.5;
  }

  .control svg {
    inline-size: 16px;
    block-size: 16px;
    fill: currentColor;
  }

  .readout {
    margin-inline-start: var(--_il-space);
    color: var(--_il-text-muted);
    font-variant-numeric: tabular-nums;
  }

  .track {
    /* Set here, where the stack count is known, and inherited by the markers. */
    --_row-step: min(
      var(--_marker-size),
      calc((var(--_max-stack-height) - var(--_marker-size)) / max(1, var(--_stack-count, 1) - 1))
    );
    position: relative;
    box-sizing: border-box;
    block-size: var(--_height);
    min-block-size: calc(min(var(--_stack-count, 1) * var(--_marker-size), var(--_max-stack-height)) + 20px);
    padding-inline: var(--_inset);
    background: var(--_track);
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    margin-block-start: 12px;
    touch-action: none;
    cursor: pointer;
    user-select: none;
  }

  .plot {
    position: relative;
    block-size: 100%;
  }

  /* A marker and a cluster are both a round button one marker wide, centred on its time. */
  .marker,
  .cluster {
    position: absolute;
    inset-inline-start: var(--_x);
    translate: -50% 0;
    display: grid;
    place-items: center;
    box-sizing: border-box;
    inline-size: var(--_marker-size);
    block-size: var(--_marker-size);
    padding: 0;
    border-radius: 50%;
  }

  .marker {
    inset-block-end: calc(6px + var(--_stack, 0) * var(--_row-step));
    border: 1px solid transparent;
    background: none;
    cursor: pointer;
  }

  .marker.future {
    opacity: 0.45;
  }

  .marker.selected {
    border: 2px solid var(--_il-text);
    background: var(--_il-surface);
  }

  .marker.related:not(.selected) {
    border: 2px dashed var(--_il-text);
  }

  /* A cluster is exactly one marker wide, so columns one marker apart never overlap. Its
     border has the colour of its most severe alert, and its count stays in the text colour. */
  .cluster {
    inset-block-end: 6px;
    border: 3px solid currentColor;
    background: var(--_il-surface);
    cursor: zoom-in;
  }

  .cluster.future {
    opacity: 0.45;
  }

  .cluster-count {
    color: var(--_il-text);
    font-size: 9px;
    letter-spacing: -0.5px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .range {
    position: absolute;
    inset-block: 0;
    inset-inline-start: var(--_x);
    inline-size: var(--_width);
    background: var(--_range);
    border-inline: 1px solid var(--_playhead);
    pointer-events: none;
  }

  .severity-shape {
    inline-size: 16px;
    block-size: 16px;
    overflow: visible;
  }

  .shape {
    fill: currentColor;
    stroke: var(--_il-surface);
    stroke-width: 1;
  }

  .shape.hollow {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
  }

  .high {
    color: var(--_il-severity-high);
  }

  .medium {
    color: var(--_il-severity-medium);
  }

  .low {
    color: var(--_il-severity-low);
  }

  .informational {
    color: var(--_il-severity-informational);
  }

  .unknown {
    color: var(--_il-severity-unknown);
  }

  .span {
    position: absolute;
    inset-block-end: calc(6px + var(--_stack, 0) * var(--_row-step) + var(--_marker-size) / 2 - 2px);
    inset-inline-start: var(--_x);
    inline-size: var(--_width);
    block-size: 4px;
    border-radius: 2px;
    background: currentColor;
    opacity: 0.5;
    pointer-events: none;
  }

  .playhead {
    position: absolute;
    inset-block: 0;
    inset-inline-start: var(--_x);
    inline-size: 0;
    border-inline-start: 2px solid var(--_playhead);
    translate: -1px 0;
    pointer-events: none;
  }

  /* A 24 px target around a 14 px dot. */
  .handle {
    position: absolute;
    inset-block-start: -12px;
    inset-inline-start: -13px;
    display: grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    cursor: grab;
    pointer-events: auto;
  }

  .handle::before {
    content: '';
    box-sizing: border-box;
    inline-size: 14px;
    block-size: 14px;
    border: 2px solid var(--_il-surface);
    border-radius: 50%;
    background: var(--_playhead);
  }

  .handle:focus-visible {
    outline-offset: 0;
  }

  .axis {
    position: relative;
    cursor: col-resize;
    touch-action: none;
    user-select: none;
    block-size: 2.8em;
    margin-inline: var(--_inset);
    color: var(--_il-text-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }

  .tick {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: var(--_x);
    translate: -50% 0;
    white-space: nowrap;
  }

  .tick-date {
    display: block;
    font-size: 0.9em;
  }

  .tick.from-start {
    translate: 0 0;
  }

  .tick.from-end {
    translate: -100% 0;
  }

  .tick::before {
    content: '';
    position: absolute;
    inset-block-start: -4px;
    inset-inline-start: 50%;
    block-size: 4px;
    border-inline-start: 1px solid var(--_il-border);
  }

  .tick.from-start::before {
    inset-inline-start: 0;
  }

  .tick.from-end::before {
    inset-inline-start: 100%;
  }

  .message {
    margin: var(--_il-space) 0;
    color: var(--_il-text-muted);
  }

  .untimed {
    margin-block-start: calc(var(--_il-space) / 2);
  }

  .untimed-heading {
    display: block;
    margin-block-end: 4px;
    font-weight: 600;
  }

  .untimed ul {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .untimed-alert {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: 28px;
    padding: 2px 8px;
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    background: var(--_il-surface);
    cursor: pointer;
  }

  .untimed-alert.selected {
    border: 2px solid var(--_il-text);
  }

  .untimed-title {
    color: var(--_il-text);
  }

  @media (prefers-reduced-motion: no-preference) {
    .marker {
      transition: scale 120ms ease-out;
    }

    .marker:hover {
      scale: 1.2;
    }
  }

  @media (forced-colors: active) {
    .track,
    .control,
    .untimed-alert {
      border-color: CanvasText;
      background: Canvas;
    }

    .high,
    .medium,
    .low,
    .informational,
    .unknown {
      color: CanvasText;
    }

    .shape {
      stroke: Canvas;
    }

    .shape.hollow {
      stroke: CanvasText;
    }

    .marker.future,
    .cluster.future {
      opacity: 1;
    }

    .cluster,
    .speed select {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }

    .cluster-count {
      color: CanvasText;
    }

    .range {
      background: none;
      border-inline: 2px solid Highlight;
      border-block: 2px dashed Highlight;
    }

    .control[aria-pressed='true'] {
      border-color: Highlight;
      box-shadow: inset 0 0 0 1px Highlight;
    }

    .marker.future .shape:not(.hollow) {
      fill: GrayText;
    }

    .marker.related:not(.selected) {
      border-color: CanvasText;
    }

    .marker.selected,
    .untimed-alert.selected {
      border-color: Highlight;
      background: Canvas;
      color: Highlight;
    }

    .playhead {
      border-inline-start-color: Highlight;
    }

    .handle::before {
      background: Highlight;
      border-color: Canvas;
    }

    .span {
      background: CanvasText;
      opacity: 1;
    }

    .tick::before {
      border-inline-start-color: CanvasText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
