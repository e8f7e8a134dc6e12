/**
 * Colours and font of the canvas, read from the element's computed style: the public
 * `--il-incident-graph-*` properties and the shared theme tokens, through the private copies
 * that styles.ts declares. Read once per processed frame, so a theme change shows on the next one.
 */

import type { Severity, Verdict } from '../../model/types.js';
import { readColor } from '../shared/theme.js';

export interface Palette {
  background: string;
  label: string;
  labelMuted: string;
  edge: string;
  nodeFill: string;
  nodeBorder: string;
  icon: string;
  /** Icon colour on an alert's severity fill. */
  alertIcon: string;
  selection: string;
  focus: string;
  verdict: Record<Verdict | 'none', string>;
  severity: Record<Severity, string>;
  remediated: string;
  pending: string;
  attention: string;
  fontFamily: string;
}

export function readPalette(element: HTMLElement): Palette {
  const color = (token: string, fallback: string): string => readColor(element, token, fallback);
  const background = color('--_background', '#ffffff');
  return {
    background,
    label: color('--_label', '#1b1b1f'),
    labelMuted: color('--_il-text-muted', '#5c5c66'),
    edge: color('--_edge', '#8a8a94'),
    nodeFill: color('--_node-fill', '#f5f5f7'),
    nodeBorder: color('--_il-border', '#d1d1d6'),
    icon: color('--_label', '#1b1b1f'),
    alertIcon: color('--_alert-icon', '#ffffff'),
    selection: color('--_il-accent', '#0f62c9'),
    focus: color('--_il-focus', '#0f62c9'),
    verdict: {
      malicious: color('--_il-verdict-malicious', '#c50f1f'),
      suspicious: color('--_il-verdict-suspicious', '#b35900'),
      clean: color('--_il-verdict-clean', '#107c10'),
      unknown: color('--_il-verdict-unknown', '#616161'),
      none: color('--_il-verdict-none', '#8a8a94'),
    },
    severity: {
      high: color('--_il-severity-high', '#c50f1f'),
      medium: color('--_il-severity-medium', '#b35900'),
      low: color('--_il-severity-low', '#8a6a00'),
      informational: color('--_il-severity-informational', '#0f62c9'),
      unknown: color('--_il-severity-unknown', '#616161'),
    },
    remediated: color('--_il-remediated', '#107c10'),
    pending: color('--_il-pending', '#8a4fc9'),
    attention: color('--_il-verdict-malicious', '#c50f1f'),
    fontFamily: getComputedStyle(element).fontFamily || 'sans-serif',
  };
}
