/**
 * The entities of one OCSF finding or event while it is mapped. Each entity is added to the
 * snapshot and, unless it is a ghost, to the alert's evidence. It is also remembered by the
 * path of the object it came from, because observables point at that path.
 */

import type { Alert, DataIssue, Entity, RemediationStatus } from '../../model/types.js';
import type { SnapshotBuilder } from '../shared/snapshot-builder.js';

/** The roles and remediation status the finding gives an entity. */
export interface Involvement {
  roles?: string[];
  remediationStatus?: RemediationStatus | undefined;
}

export class FindingScope {
  readonly builder: SnapshotBuilder;
  readonly alert: Alert;
  /** Entity ids by object path with the array indexes left out (`evidences[].src_endpoint`). */
  private readonly byPath = new Map<string, string[]>();

  constructor(builder: SnapshotBuilder, alert: Alert) {
    this.builder = builder;
    this.alert = alert;
  }

  get issues(): DataIssue[] {
    return this.builder.issues;
  }

  /** Adds an entity found at `path`. A non-ghost becomes evidence of the alert. */
  add(entity: Entity, path: string, involvement: Involvement = {}): string {
    if (involvement.remediationStatus !== undefined) entity.remediationStatus = involvement.remediationStatus;
    const id = this.builder.addEntity(entity);

    const key = pathPattern(path);
    const ids = this.byPath.get(key) ?? [];
    if (!ids.includes(id)) this.byPath.set(key, [...ids, id]);

    if (entity.ghost !== true) {
      const evidence = { entityId: id, roles: involvement.roles ?? [] };
      this.builder.addEvidence(
        this.alert,
        involvement.remediationStatus === undefined ? evidence : { ...evidence, remediationStatus: involvement.remediationStatus },
      );
    }
    return id;
  }

  /** Returns the entity ids mapped from the object at `path`, ignoring array indexes. */
  entitiesAt(path: string): string[] {
    return this.byPath.get(pathPattern(path)) ?? [];
  }

  /** Ids of the non-ghost entities of this finding, in the order they were added. */
  entityIds(): string[] {
    return this.alert.evidence.map((evidence) => evidence.entityId);
  }
}

/**
 * Replaces the array indexes of a path with `[]`, the form of an observable's `name`. For example
 * `evidences[0].process` gives `evidences[].process`.
 */
export function pathPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}
