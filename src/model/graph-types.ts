/**
 * Attribute types of the incident graph: one graphology graph per incident, multi, directed,
 * self-loops allowed. Nodes are alerts and entities; edges go from an alert to each entity it
 * involves (`type: 'evidence'`) and between entities (the relations).
 */

import type { AbstractGraph } from 'graphology-types';
import type {
  EntityKind,
  EpochMs,
  RelationType,
  RemediationStatus,
  Severity,
  Verdict,
} from './types.js';

/** Node kind: an entity kind, or `alert`. */
export type NodeKind = EntityKind | 'alert';

export interface IncidentNodeAttributes {
  kind: NodeKind;
  label: string;
  verdict?: Verdict;
  remediationStatus?: RemediationStatus;
  /** Alerts only. */
  severity?: Severity;
  /** When the node first exists, epoch ms; a node without it exists from the start. */
  firstSeen?: EpochMs;
  /** True for a named but non-evidence node, such as a ghost parent process. */
  ghost?: boolean;
  /** Layout position in world units, written by the layout; hosts may save and restore it. */
  x?: number;
  y?: number;
  /** True while a user has pinned the node by dragging it. */
  fixed?: boolean;
}

/** Edge type: `evidence` for alert to entity, else the relation type. */
export type IncidentEdgeType = 'evidence' | RelationType;

export interface IncidentEdgeAttributes {
  type: IncidentEdgeType;
  /** Evidence roles of an alert-to-entity edge; empty for relations. */
  roles: string[];
  firstSeen?: EpochMs;
}

export interface IncidentGraphAttributes {
  incidentId: string;
  title: string;
}

/**
 * The incident graph as graphology's `AbstractGraph` type, which every graphology `Graph`
 * instance satisfies. It comes from `graphology-types` and not from `graphology`, because
 * graphology 0.26 lists `types` after `import` in its package exports. Under NodeNext
 * resolution TypeScript then reads its default export as a namespace.
 */
export type IncidentGraph = AbstractGraph<
  IncidentNodeAttributes,
  IncidentEdgeAttributes,
  IncidentGraphAttributes
>;
