/**
 * Lookups into mapped snapshots that the format tests share. Each one asserts what it needs to
 * hold (one snapshot, one matching entity), so a test fails at the lookup with its cause.
 */

import { expect } from '@open-wc/testing';
import type { Entity, IncidentSnapshot, Relation } from '../../src/model/index.js';

/** Asserts that a mapper returned exactly one snapshot and returns it. */
export function only(snapshots: IncidentSnapshot[]): IncidentSnapshot {
  expect(snapshots).to.have.length(1);
  return snapshots[0]!;
}

/** Returns the one entity of `kind` with `displayName`, failing when there is none or more than one. */
export function entityNamed(snapshot: IncidentSnapshot, kind: string, displayName: string): Entity {
  const matches = snapshot.entities.filter((entity) => entity.kind === kind && entity.displayName === displayName);
  expect(matches, `${kind} ${displayName}`).to.have.length(1);
  return matches[0]!;
}

/** Returns the relations of `type` from the entity `source`. */
export function relationsOf(snapshot: IncidentSnapshot, source: string, type: string): Relation[] {
  return snapshot.relations.filter((relation) => relation.source === source && relation.type === type);
}

/** Counts the evidence entries of all the snapshot's alerts. */
export function evidenceCount(snapshot: IncidentSnapshot): number {
  return snapshot.alerts.reduce((sum, alert) => sum + alert.evidence.length, 0);
}

/** Counts `items` by `key`, for example entities by kind. */
export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries(counts);
}
