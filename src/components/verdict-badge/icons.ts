/**
 * Icons of the verdict badge: one distinct shape per verdict and per remediation status, so
 * that no state is distinguished by colour alone. Each is a 16 × 16 inline SVG drawn with
 * `currentColor`, built from these templates only (never from data), and hidden from assistive
 * technology because the badge carries the same meaning in text.
 */

import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { KnownRemediationStatus, Verdict } from '../../model/types.js';

const VERDICT_SHAPES: Record<Verdict | 'notProvided', SVGTemplateResult> = {
  // Octagon with a cross, as on a stop sign.
  malicious: svg`<path d="M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2z" fill="currentColor"/>
    <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--_icon-contrast)" stroke-width="1.8" stroke-linecap="round"/>`,
  // Triangle with an exclamation mark.
  suspicious: svg`<path d="M8 1.2L15.2 14.4H.8z" fill="currentColor"/>
    <path d="M8 5.8v4" stroke="var(--_icon-contrast)" stroke-width="1.8" stroke-linecap="round"/>
    <circle cx="8" cy="12.3" r="1" fill="var(--_icon-contrast)"/>`,
  // Circle with a check mark.
  clean: svg`<circle cx="8" cy="8" r="7" fill="currentColor"/>
    <path d="M4.6 8.3l2.3 2.3 4.5-4.7" fill="none" stroke="var(--_icon-contrast)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Circle outline with a question mark.
  unknown: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
    <path d="M6.1 6.2a2 2 0 1 1 2.9 1.8c-.6.3-1 .8-1 1.4v.4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>
    <circle cx="8" cy="11.8" r=".9" fill="currentColor"/>`,
  // Dashed circle with a dash: the source gave no verdict.
  notProvided: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.4" stroke-dasharray="2.4 1.9"/>
    <path d="M5.3 8h5.4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
};

const REMEDIATION_SHAPES: Record<KnownRemediationStatus | 'other', SVGTemplateResult> = {
  // Circle outline with a dash.
  none: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.5"/>
    <path d="M5 8h6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  // Hourglass.
  pendingApproval: svg`<path d="M3.5 1.5h9M3.5 14.5h9M4.5 1.5c0 4 3.5 4.5 3.5 6.5S4.5 10.5 4.5 14.5M11.5 1.5c0 4-3.5 4.5-3.5 6.5s3.5 2.5 3.5 6.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>
    <path d="M6 13.5L8 11l2 2.5z" fill="currentColor"/>`,
  // Circular arrow.
  running: svg`<path d="M13.5 8A5.5 5.5 0 1 1 11.9 4.1" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>
    <path d="M14.2 1.6v4.2H10z" fill="currentColor"/>`,
  // Shield with a check mark.
  remediated: svg`<path d="M8 1l6 2.2v4.3c0 3.6-2.6 6.3-6 7.5-3.4-1.2-6-3.9-6-7.5V3.2z" fill="currentColor"/>
    <path d="M5.2 8l2 2 3.7-3.9" fill="none" stroke="var(--_icon-contrast)" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Circle, half filled.
  partiallyRemediated: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
    <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor"/>`,
  // Circle with a diagonal bar (no entry).
  prevented: svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.8"/>
    <path d="M3.7 12.3l8.6-8.6" stroke="currentColor" stroke-width="1.8"/>`,
  // Padlock.
  blocked: svg`<path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.6"/>
    <rect x="2.8" y="7" width="10.4" height="7.6" rx="1.4" fill="currentColor"/>`,
  // Square outline with a cross.
  declined: svg`<rect x="1.8" y="1.8" width="12.4" height="12.4" rx="2" fill="none" stroke="currentColor" stroke-width="1.5"/>
    <path d="M5.4 5.4l5.2 5.2m0-5.2l-5.2 5.2" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  // Shield outline with an exclamation mark.
  unremediated: svg`<path d="M8 1.4l5.6 2v4.1c0 3.3-2.4 5.8-5.6 7-3.2-1.2-5.6-3.7-5.6-7V3.4z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>
    <path d="M8 4.8v4" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>
    <circle cx="8" cy="11.2" r=".95" fill="currentColor"/>`,
  // Magnifier with a minus.
  notFound: svg`<circle cx="6.8" cy="6.8" r="4.8" fill="none" stroke="currentColor" stroke-width="1.6"/>
    <path d="M10.3 10.3L14.5 14.5" stroke="currentColor" stroke-width="1.9" stroke-linecap="round"/>
    <path d="M4.6 6.8h4.4" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // Lightning bolt.
  active: svg`<path d="M9.6 1L3 9.2h4.3L6.4 15 13 6.8H8.7z" fill="currentColor"/>`,
  // Shield with a cross: a remediation shape, unlike the malicious verdict's octagon.
  failed: svg`<path d="M8 1l6 2.2v4.3c0 3.6-2.6 6.3-6 7.5-3.4-1.2-6-3.9-6-7.5V3.2z" fill="currentColor"/>
    <path d="M5.8 5.6l4.4 4.4m0-4.4l-4.4 4.4" stroke="var(--_icon-contrast)" stroke-width="1.7" stroke-linecap="round"/>`,
  // Diamond outline: a status this library does not know, shown as the source spelled it.
  other: svg`<path d="M8 1.3L14.7 8 8 14.7 1.3 8z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>
    <circle cx="8" cy="8" r="1.5" fill="currentColor"/>`,
};

/** Returns the icon of a verdict, or of "not provided" when the verdict is absent. */
export function verdictIcon(verdict: Verdict | undefined): TemplateResult {
  return wrap(VERDICT_SHAPES[verdict ?? 'notProvided']);
}

/** Returns the icon of a known remediation status, or the "other status" icon. */
export function remediationIcon(status: KnownRemediationStatus | undefined): TemplateResult {
  return wrap(REMEDIATION_SHAPES[status ?? 'other']);
}

function wrap(shape: SVGTemplateResult): TemplateResult {
  return html`<svg part="icon" class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${shape}</svg>`;
}
