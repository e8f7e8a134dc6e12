/** STIX 2.1 bundle mapping. */

export { fromStix } from './from-stix.js';
export { INCIDENT_CORE_EXTENSION } from './incident.js';
export { isStixRecord } from './bundle.js';
