/** The sample incident that every framework example shows, mapped from its Graph payload. */

import { fromMicrosoftGraph } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { contosoPhishToMacro } from '../samples/index.js';

/** Maps the phishing-to-macro sample incident. Each call returns a new snapshot. */
export function sampleSnapshot(): IncidentSnapshot {
  const [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
  if (!snapshot) throw new Error('sampleSnapshot: the sample payload mapped to no incident.');
  return snapshot;
}
