/** The model layer: the data contract, validation, merging, time helpers and the incident graph. */

export * from './types.js';
export type * from './graph-types.js';
export { parseTime, parseTimeField, isAbsentTime, incidentTimeBounds, existsAt } from './time.js';
export {
  strongestVerdict,
  mostUrgentRemediation,
  remediationRank,
  earliestTime,
  isEmptyValue,
  mergeEntities,
} from './merge.js';
export { validateSnapshot, relationId } from './validate.js';
export { applyIncidentPatch, syncIncidentGraph } from './apply-patch.js';
export { severityRank } from './severity.js';
export {
  buildIncidentGraph,
  alertNodeKey,
  nodeExistsAt,
  edgeExistsAt,
  INCIDENT_GRAPH_OPTIONS,
  ALERT_KEY_PREFIX,
} from './build-graph.js';
