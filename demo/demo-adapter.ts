/**
 * The demo's in-memory adapter for one incident: `createLiveStaticAdapter` with live updates,
 * and every optional capability that acts on the incident, so each feature of the entity
 * flyout, the hunt results, the evidence list and the asset list can be tried.
 *
 * - Response actions per entity kind (`demo-actions.ts`): running one waits a moment, like a
 *   real call, and changes the incident through a live update, so the graph's remediation
 *   marks follow. An action that needs approval becomes a pending action. One action per
 *   device, user and file always fails, so the error state can be seen.
 * - Approval and rejection of pending actions.
 * - Hunting queries per entity kind (`demo-hunts.ts`), whose rows come from the incident's
 *   own evidence, and linking their rows to the incident as a new alert.
 * - Bulk actions: the actions that every checked entity offers.
 *
 * Every change is kept: it reaches the open view as a live update, and a later load of the
 * incident returns it. Every call honours its `AbortSignal` while it waits.
 */

import { createLiveStaticAdapter, type LiveStaticAdapter } from '../src/adapter/index.js';
import type {
  ActionDescriptor,
  ActionRequest,
  ActionResult,
  AdapterCallOptions,
  BulkActionRequest,
  BulkActionResult,
  BulkTargetResult,
  EntityRef,
  HuntQuery,
  HuntRecord,
  HuntResult,
  PendingActionDecision,
  PendingDecisionOptions,
} from '../src/adapter/adapter.js';
import { applyIncidentPatch } from '../src/model/apply-patch.js';
import type { Entity, IncidentPatch, IncidentSnapshot, RemediationStatus } from '../src/model/types.js';
import { demoActionsFor, runDemoAction, type ActionOutcome } from './demo-actions.js';
import { demoHuntsFor, linkedRecordsPatch, runDemoHunt } from './demo-hunts.js';

/** Time a decision takes, in milliseconds, so the flyout's progress state shows. */
export const DECISION_DELAY_MS = 600;

/** Time an action, a bulk action or a link to the incident takes, in milliseconds. */
export const ACTION_DELAY_MS = 900;

/** Time a hunting query takes, in milliseconds, so its Cancel button can be tried. */
export const HUNT_DELAY_MS = 1200;

/** Time the lists of actions and of hunting queries take, in milliseconds. */
export const LIST_DELAY_MS = 200;

/** Delays of `createDemoAdapter` in milliseconds, each defaulting to the constant of its name. */
export interface DemoAdapterOptions {
  decisionDelayMs?: number;
  actionDelayMs?: number;
  huntDelayMs?: number;
  listDelayMs?: number;
}

export interface DemoAdapter extends LiveStaticAdapter {
  decidePendingAction(id: string, decision: PendingActionDecision, options: PendingDecisionOptions): Promise<ActionResult>;
  listActions(target: EntityRef, options: AdapterCallOptions): Promise<ActionDescriptor[]>;
  runAction(request: ActionRequest, options: AdapterCallOptions): Promise<ActionResult>;
  listHuntQueries(target: EntityRef, options: AdapterCallOptions): Promise<HuntQuery[]>;
  runHunt(query: HuntQuery, options: AdapterCallOptions): Promise<HuntResult>;
  linkToIncident(incidentId: string, records: HuntRecord[], options: AdapterCallOptions): Promise<void>;
  listBulkActions(targets: EntityRef[], options: AdapterCallOptions): Promise<ActionDescriptor[]>;
  runBulkAction(request: BulkActionRequest, options: AdapterCallOptions): Promise<BulkActionResult>;
  /** The incident with every live update, action and decision applied. */
  readonly snapshot: IncidentSnapshot;
}

/** Remediation status of the target entity and status of the pending action after a decision. */
const OUTCOMES: Record<PendingActionDecision, { remediationStatus: RemediationStatus; status: string }> = {
  approve: { remediationStatus: 'remediated', status: 'approved' },
  reject: { remediationStatus: 'declined', status: 'rejected' },
};

/** Creates the adapter of one incident. The options override the delays. */
export function createDemoAdapter(initial: IncidentSnapshot, options: DemoAdapterOptions = {}): DemoAdapter {
  const live = createLiveStaticAdapter(initial);
  const incidentId = initial.incident.id;
  const decisionDelayMs = options.decisionDelayMs ?? DECISION_DELAY_MS;
  const actionDelayMs = options.actionDelayMs ?? ACTION_DELAY_MS;
  const huntDelayMs = options.huntDelayMs ?? HUNT_DELAY_MS;
  const listDelayMs = options.listDelayMs ?? LIST_DELAY_MS;
  let snapshot = initial;
  /** Results of the decisions made, by idempotency key, so a retried request is applied once. */
  const decided = new Map<string, ActionResult>();
  /** Results of the actions run, by idempotency key, so a retried request runs once. */
  const ran = new Map<string, ActionResult | BulkActionResult>();
  /** Number of pending actions that actions needing approval created, for their ids. */
  let approvalsRequested = 0;
  /** Number of links of hunting rows to the incident, for the ids of their alerts. */
  let links = 0;

  const push = (id: string, patch: IncidentPatch): number => {
    const reached = live.push(id, patch);
    snapshot = applyIncidentPatch(snapshot, patch);
    return reached;
  };

  /** Returns the entity an action or a hunt names, or throws when it is not in this incident. */
  const entityOf = (target: EntityRef | undefined, method: string): Entity => {
    if (target === undefined) {
      throw new Error(`Demo adapter: ${method} needs a target entity (got none). Pass the EntityRef the element gives.`);
    }
    if (target.incidentId !== incidentId) {
      throw new Error(`Demo adapter: ${method} got incident ${JSON.stringify(target.incidentId)}, but this adapter serves incident ${JSON.stringify(incidentId)}.`);
    }
    const entity = snapshot.entities.find((candidate) => candidate.id === target.entityId);
    if (entity === undefined) {
      throw new Error(`Demo adapter: ${method}: entity ${JSON.stringify(target.entityId)} not found in incident ${JSON.stringify(incidentId)}.`);
    }
    return entity;
  };

  /** Runs one action on one entity of the current snapshot, counting the approvals it requests. */
  const outcomeOf = (entity: Entity, actionId: string): ActionOutcome => {
    const outcome = runDemoAction(snapshot, entity, actionId, approvalsRequested + 1);
    if (outcome.result.status === 'pending') approvalsRequested++;
    return outcome;
  };

  return {
    loadIncident: live.loadIncident,
    subscribe: live.subscribe,
    push,

    get snapshot() {
      return snapshot;
    },

    async decidePendingAction(id, decision, { signal, idempotencyKey }) {
      const earlier = idempotencyKey === undefined ? undefined : decided.get(idempotencyKey);
      if (earlier !== undefined) return earlier;
      await delay(decisionDelayMs, signal);

      const pendingAction = snapshot.pendingActions?.find((candidate) => candidate.id === id);
      if (pendingAction === undefined) {
        throw new Error(`Demo adapter: pending action ${JSON.stringify(id)} not found in incident ${JSON.stringify(incidentId)}.`);
      }
      if (pendingAction.status !== 'pending') {
        return { status: 'failed', message: `The action "${pendingAction.action}" is already ${pendingAction.status}.` };
      }

      const { remediationStatus, status } = OUTCOMES[decision];
      const entity = snapshot.entities.find((candidate) => candidate.id === pendingAction.entityId);
      push(incidentId, {
        pendingActions: [{ ...pendingAction, status }],
        entities: entity === undefined ? [] : [{ ...entity, remediationStatus }],
      });

      const result: ActionResult = { status: 'succeeded', remediationStatus };
      if (idempotencyKey !== undefined) decided.set(idempotencyKey, result);
      return result;
    },

    async listActions(target, { signal }) {
      await delay(listDelayMs, signal);
      return demoActionsFor(entityOf(target, 'listActions'));
    },

    async runAction(request, { signal }) {
      const earlier = ran.get(request.idempotencyKey) as ActionResult | undefined;
      if (earlier !== undefined) return earlier;
      await delay(actionDelayMs, signal);

      const { result, patch } = outcomeOf(entityOf(request.target, 'runAction'), request.actionId);
      if (patch !== undefined) push(incidentId, patch);
      ran.set(request.idempotencyKey, result);
      return result;
    },

    async listHuntQueries(target, { signal }) {
      await delay(listDelayMs, signal);
      return demoHuntsFor(entityOf(target, 'listHuntQueries'), incidentId);
    },

    async runHunt(query, { signal }) {
      await delay(huntDelayMs, signal);
      return runDemoHunt(snapshot, entityOf(query.target, 'runHunt'), query.id);
    },

    async linkToIncident(id, records, { signal }) {
      if (id !== incidentId) {
        throw new Error(`Demo adapter: linkToIncident got incident ${JSON.stringify(id)}, but this adapter serves incident ${JSON.stringify(incidentId)}.`);
      }
      await delay(actionDelayMs, signal);
      const patch = linkedRecordsPatch(snapshot, records, links + 1);
      links++;
      push(incidentId, patch);
    },

    async listBulkActions(targets, { signal }) {
      await delay(listDelayMs, signal);
      const offered = targets.map((target) => demoActionsFor(entityOf(target, 'listBulkActions')));
      if (offered.length === 0) return [];
      // Only what every checked entity offers, in the order of the first one's list.
      return offered[0]!.filter((action) => offered.every((list) => list.some((other) => other.id === action.id)));
    },

    async runBulkAction(request, { signal }) {
      const earlier = ran.get(request.idempotencyKey) as BulkActionResult | undefined;
      if (earlier !== undefined) return earlier;
      await delay(actionDelayMs, signal);

      const entities = request.targets.map((target) => entityOf(target, 'runBulkAction'));
      const results: BulkTargetResult[] = [];
      const patch: Required<Pick<IncidentPatch, 'entities' | 'pendingActions'>> = { entities: [], pendingActions: [] };
      for (const entity of entities) {
        let outcome: ActionOutcome;
        try {
          outcome = outcomeOf(entity, request.actionId);
        } catch (error) {
          results.push({ entityId: entity.id, status: 'failed', message: error instanceof Error ? error.message : String(error) });
          continue;
        }
        const { status, message, remediationStatus } = outcome.result;
        results.push({ entityId: entity.id, status, message, ...(remediationStatus === undefined ? {} : { remediationStatus }) });
        patch.entities.push(...(outcome.patch?.entities ?? []));
        patch.pendingActions.push(...(outcome.patch?.pendingActions ?? []));
      }
      if (patch.entities.length > 0 || patch.pendingActions.length > 0) push(incidentId, patch);

      const label = demoActionsFor(entities[0]!).find((action) => action.id === request.actionId)?.label ?? request.actionId;
      const result = bulkResult(label, results, entities);
      ran.set(request.idempotencyKey, result);
      return result;
    },
  };
}

/**
 * Sums up the outcomes of action `label` per entity: `failed` when every entity failed, else the status they
 * share, else `succeeded`. The message counts the entities done and names each failure.
 */
function bulkResult(label: string, results: readonly BulkTargetResult[], entities: readonly Entity[]): BulkActionResult {
  const failures = results.filter((result) => result.status === 'failed');
  const statuses = new Set(results.map((result) => result.status));
  let status: BulkActionResult['status'] = 'succeeded';
  if (failures.length === results.length) status = 'failed';
  else if (statuses.size === 1) status = results[0]!.status;

  const names = new Map(entities.map((entity) => [entity.id, entity.displayName]));
  const done = `${label}: done for ${results.length - failures.length} of ${results.length}.`;
  const failed = failures.map((failure) => `${names.get(failure.entityId) ?? failure.entityId}: ${failure.message}`);
  return { status, message: [done, ...failed].join(' '), results: [...results] };
}

/** Resolves after `ms` milliseconds, or rejects with the signal's reason when it is aborted first. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
