/** Ordering of alert severities. */

import type { Severity } from './types.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  high: 0,
  medium: 1,
  low: 2,
  informational: 3,
  unknown: 4,
};

/** Returns the rank of a severity: 0 for high, the most severe, up to 4 for unknown. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity] ?? SEVERITY_RANK.unknown;
}
