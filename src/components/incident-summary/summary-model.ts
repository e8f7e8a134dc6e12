/**
 * The figures of an incident summary, computed from a snapshot. They are the alerts by MITRE
 * ATT&CK tactic in kill-chain order, the scope of impacted assets ranked by verdict and risk,
 * and the evidence count by verdict. DOM-free.
 */

import { compareByTime } from '../../model/time.js';
import { VERDICTS, type Alert, type Entity, type EntityKind, type IncidentSnapshot, type Verdict } from '../../model/types.js';

/** The MITRE ATT&CK Enterprise tactics in kill-chain order, spelled as Microsoft Graph writes alert categories. */
export const ATTACK_TACTICS = [
  'Reconnaissance',
  'ResourceDevelopment',
  'InitialAccess',
  'Execution',
  'Persistence',
  'PrivilegeEscalation',
  'DefenseEvasion',
  'CredentialAccess',
  'Discovery',
  'LateralMovement',
  'Collection',
  'CommandAndControl',
  'Exfiltration',
  'Impact',
] as const;

export type AttackTactic = (typeof ATTACK_TACTICS)[number];

/** One step of the kill chain, or one category outside it, with its alerts in time order. */
export interface CategoryGroup {
  /** The tactic, the category as the source spelled it, or '' for alerts without a category. */
  category: string;
  alerts: Alert[];
}

export interface KillChain {
  /** Every tactic in kill-chain order, with no alerts for a tactic the incident did not reach. */
  tactics: CategoryGroup[];
  /** Index in `tactics` of the furthest tactic with alerts, or -1 when none has any. */
  furthest: number;
  /** Categories that are not ATT&CK tactics (for example `Malware`), then uncategorised alerts. */
  others: CategoryGroup[];
}

/** The groups of assets the scope counts. Apps are cloud and OAuth apps together. */
export const SCOPE_GROUPS = {
  devices: ['device'],
  users: ['user'],
  mailboxes: ['mailbox'],
  apps: ['cloudApp', 'oauthApp'],
} as const satisfies Record<string, readonly EntityKind[]>;

export type ScopeGroup = keyof typeof SCOPE_GROUPS;

/** Verdict buckets of the evidence count: the verdicts, and `notProvided` for none. */
export type VerdictBucket = Verdict | 'notProvided';

export interface RankedEntity {
  entity: Entity;
  /** Number of alerts that involve the entity. */
  alertCount: number;
  /** The entity's risk as the source rates it (`riskScore`, `riskLevel` or `threatLevel`), if any. */
  risk: string | undefined;
}

const TACTIC_BY_KEY = new Map<string, AttackTactic>(ATTACK_TACTICS.map((tactic) => [tacticKey(tactic), tactic]));

/** Lowercases and keeps letters only, so `DefenseEvasion`, `Defense Evasion` and `defense_evasion` match. */
function tacticKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

/** Returns the ATT&CK tactic a category names, or undefined for a category that is not a tactic. */
export function tacticOf(category: string | undefined): AttackTactic | undefined {
  return category ? TACTIC_BY_KEY.get(tacticKey(category)) : undefined;
}

/** Orders alerts by first activity, then severity, then id, like the timeline. */
export function compareAlertsByTime(a: Alert, b: Alert): number {
  return compareByTime(
    { time: a.firstActivityTime, severity: a.severity, id: a.id },
    { time: b.firstActivityTime, severity: b.severity, id: b.id },
  );
}

/** Returns the alerts in time order, without changing the input. */
export function alertsInTimeOrder(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareAlertsByTime);
}

/** Groups alerts by tactic in kill-chain order. Other categories follow in order of first alert. */
export function killChain(alerts: readonly Alert[]): KillChain {
  const byTactic = new Map<AttackTactic, Alert[]>();
  const byOther = new Map<string, Alert[]>();

  for (const alert of alertsInTimeOrder(alerts)) {
    const tactic = tacticOf(alert.category);
    if (tactic) {
      byTactic.set(tactic, [...(byTactic.get(tactic) ?? []), alert]);
      continue;
    }
    const category = alert.category?.trim() ?? '';
    byOther.set(category, [...(byOther.get(category) ?? []), alert]);
  }

  const tactics = ATTACK_TACTICS.map((tactic) => ({ category: tactic, alerts: byTactic.get(tactic) ?? [] }));
  let furthest = -1;
  tactics.forEach((group, index) => {
    if (group.alerts.length > 0) furthest = index;
  });

  // Uncategorised alerts go last, after every named category.
  const others = [...byOther].map(([category, grouped]) => ({ category, alerts: grouped }));
  others.sort((a, b) => Number(a.category === '') - Number(b.category === ''));
  return { tactics, furthest, others };
}

/** True for an entity that is evidence of the incident. A ghost parent process is not. */
export function isEvidence(entity: Entity): boolean {
  return entity.ghost !== true;
}

/** Counts the evidence entities of each scope group. */
export function scopeCounts(entities: readonly Entity[]): Record<ScopeGroup, number> {
  const counts: Record<ScopeGroup, number> = { devices: 0, users: 0, mailboxes: 0, apps: 0 };
  for (const entity of entities) {
    if (!isEvidence(entity)) continue;
    const group = scopeGroupOf(entity.kind);
    if (group) counts[group]++;
  }
  return counts;
}

/** Returns the scope group of an entity kind, or undefined for a kind the scope does not count. */
export function scopeGroupOf(kind: EntityKind): ScopeGroup | undefined {
  for (const [group, kinds] of Object.entries(SCOPE_GROUPS) as Array<[ScopeGroup, readonly EntityKind[]]>) {
    if (kinds.includes(kind)) return group;
  }
  return undefined;
}

/** Counts the evidence entities by verdict. Every evidence entity is in exactly one bucket. */
export function evidenceByVerdict(entities: readonly Entity[]): Record<VerdictBucket, number> {
  const counts = Object.fromEntries([...VERDICTS, 'notProvided'].map((bucket) => [bucket, 0])) as Record<VerdictBucket, number>;
  for (const entity of entities) {
    if (!isEvidence(entity)) continue;
    counts[entity.verdict ?? 'notProvided']++;
  }
  return counts;
}

const VERDICT_RANK: Readonly<Record<VerdictBucket, number>> = {
  malicious: 0,
  suspicious: 1,
  unknown: 2,
  clean: 3,
  notProvided: 4,
};

// Risk ratings as Defender writes them for devices (`riskScore`) and users (`riskLevel`).
const RISK_RANK: Readonly<Record<string, number>> = {
  high: 0,
  medium: 1,
  low: 2,
  informational: 3,
  none: 4,
};

/** Returns the source's risk rating of an entity, or undefined when it gives none. */
export function riskOf(entity: Entity): string | undefined {
  for (const name of ['riskScore', 'riskLevel', 'threatLevel']) {
    const value = entity.properties[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function riskRank(risk: string | undefined): number {
  return risk === undefined ? 5 : (RISK_RANK[risk.toLowerCase()] ?? 5);
}

/**
 * Ranks the impacted assets, the entities of the scope groups. Malicious comes first and a
 * missing verdict last. Ties go by the source's risk rating, then by the number of alerts that
 * involve the asset, then by name.
 */
export function rankedAssets(snapshot: IncidentSnapshot): RankedEntity[] {
  const alertCounts = new Map<string, number>();
  for (const alert of snapshot.alerts) {
    for (const entityId of new Set(alert.evidence.map((evidence) => evidence.entityId))) {
      alertCounts.set(entityId, (alertCounts.get(entityId) ?? 0) + 1);
    }
  }

  const ranked = snapshot.entities
    .filter((entity) => isEvidence(entity) && scopeGroupOf(entity.kind) !== undefined)
    .map((entity) => ({ entity, alertCount: alertCounts.get(entity.id) ?? 0, risk: riskOf(entity) }));

  return ranked.sort(
    (a, b) =>
      VERDICT_RANK[a.entity.verdict ?? 'notProvided'] - VERDICT_RANK[b.entity.verdict ?? 'notProvided'] ||
      riskRank(a.risk) - riskRank(b.risk) ||
      b.alertCount - a.alertCount ||
      compareText(a.entity.displayName, b.entity.displayName) ||
      compareText(a.entity.id, b.entity.id),
  );
}

/** Compares in code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
