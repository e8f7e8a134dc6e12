/** Mappers from real-world payloads to incident snapshots. */

export { fromMicrosoftGraph, SENT_FROM_RELATION } from './msgraph/index.js';
