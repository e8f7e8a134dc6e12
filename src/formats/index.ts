/** Mappers from real-world payloads to incident snapshots. */

export { fromMicrosoftGraph, SENT_FROM_RELATION } from './msgraph/index.js';
export { fromDefender } from './defender/index.js';
export { fromAdvancedHunting, type AdvancedHuntingOptions } from './advanced-hunting/index.js';
export { fromSentinel, DETECTED_IN_RELATION } from './sentinel/index.js';
export { fromOcsf } from './ocsf/index.js';
export { fromStix, INCIDENT_CORE_EXTENSION } from './stix/index.js';
export {
  detectFormat,
  fromAnyFormat,
  FORMAT_LABELS,
  UnrecognizedPayloadError,
  type LoadedPayload,
  type PayloadFormat,
} from './detect.js';
