import { css } from 'lit';

/**
 * Styles of what the pointer interaction draws over the graph's canvas. The lasso fills by the
 * even-odd rule, like the selection test, so the loops of a crossing outline show what they
 * select.
 */
export const interactionStyles = css`
  .selection-box {
    position: absolute;
    box-sizing: border-box;
    border: 1px dashed var(--_il-accent);
    background: color-mix(in srgb, var(--_il-accent) 12%, transparent);
    pointer-events: none;
  }

  .selection-lasso {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    overflow: visible;
    pointer-events: none;
  }

  .selection-lasso polygon {
    fill: color-mix(in srgb, var(--_il-accent) 12%, transparent);
    fill-rule: evenodd;
    stroke: var(--_il-accent);
    stroke-width: 1;
    stroke-dasharray: 4 3;
    stroke-linejoin: round;
  }

  .minimap {
    position: absolute;
    right: var(--_il-space, 8px);
    bottom: var(--_il-space, 8px);
    width: 160px;
    height: 120px;
    border: 1px solid var(--_il-border);
    border-radius: var(--_il-radius);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.16);
    cursor: crosshair;
    touch-action: none;
  }

  @media (forced-colors: active) {
    .minimap {
      border-color: CanvasText;
      box-shadow: none;
    }

    .selection-box {
      border-color: Highlight;
      background: transparent;
    }

    .selection-lasso polygon {
      stroke: Highlight;
      fill: none;
    }
  }
`;
