/**
 * Severity marks: each severity has its own shape as well as its own colour, so severity never
 * depends on colour alone (high is a triangle, medium a diamond, low a circle, informational a
 * square, unknown a hollow circle). Shapes are drawn in a 16 × 16 box in `currentColor`.
 */

import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Severity } from '../../model/types.js';

const SHAPES: Record<Severity, SVGTemplateResult> = {
  high: svg`<path class="shape" d="M8 1.5 15 14.5H1Z" />`,
  medium: svg`<path class="shape" d="M8 0.8 15.2 8 8 15.2 0.8 8Z" />`,
  low: svg`<circle class="shape" cx="8" cy="8" r="6.5" />`,
  informational: svg`<rect class="shape" x="2" y="2" width="12" height="12" />`,
  unknown: svg`<circle class="shape hollow" cx="8" cy="8" r="5.5" />`,
};

/** Returns the mark of a severity as an inline, decorative SVG element. */
export function severityShape(severity: Severity): TemplateResult {
  // The outer <svg> element belongs in an html template, and only its children use `svg`.
  return html`<svg class="severity-shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${
    SHAPES[severity] ?? SHAPES.unknown
  }</svg>`;
}
