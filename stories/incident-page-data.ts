/**
 * Incidents of three sizes for the stories of the incident page's tabs: a small hand-written
 * one, the project's phishing sample, and a generated incident of 3,000 entities.
 */

import { fromMicrosoftGraph } from '../src/formats/index.js';
import type { IncidentSnapshot } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import { sampleIncidents } from '../demo/samples/index.js';
import { generateIncidentSnapshot } from '../test/fixtures/generated-incident.js';
import { viewSnapshot } from '../test/fixtures/view-snapshot.js';

export type IncidentSize = 'small' | 'typical' | 'large';

const cache = new Map<IncidentSize, IncidentSnapshot>();

/** Returns the snapshot of one size, built once per page. */
export function snapshotOfSize(size: IncidentSize): IncidentSnapshot {
  let snapshot = cache.get(size);
  if (!snapshot) {
    if (size === 'small') snapshot = viewSnapshot();
    else if (size === 'typical') snapshot = fromMicrosoftGraph(sampleIncidents[0])[0]!;
    else snapshot = generateIncidentSnapshot({ entityCount: 3000, seed: 7 });
    cache.set(size, snapshot);
  }
  return snapshot;
}

/** Returns a new ready session on the snapshot of one size, so stories do not share selection. */
export function sessionOfSize(size: IncidentSize): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshotOfSize(size));
  return session;
}
