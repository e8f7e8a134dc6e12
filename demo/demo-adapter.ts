/**
 * The demo's in-memory adapter for one incident: `createLiveStaticAdapter` with live updates,
 * and `decidePendingAction`, so the approve and reject buttons of the entity flyout and of the
 * evidence list can be tried. A decision is kept: it reaches the open view as a live update,
 * and a later load of the incident returns it.
 */

import { createLiveStaticAdapter, type LiveStaticAdapter } from '../src/adapter/index.js';
import type { ActionResult, PendingActionDecision, PendingDecisionOptions } from '../src/adapter/adapter.js';
import { applyIncidentPatch } from '../src/model/apply-patch.js';
import type { IncidentPatch, IncidentSnapshot, RemediationStatus } from '../src/model/types.js';

/** Time a decision takes, in milliseconds, so the flyout's progress state shows. */
export const DECISION_DELAY_MS = 600;

export interface DemoAdapter extends LiveStaticAdapter {
  decidePendingAction(id: string, decision: PendingActionDecision, options: PendingDecisionOptions): Promise<ActionResult>;
  /** The incident with every live update and decision applied. */
  readonly snapshot: IncidentSnapshot;
}

/** Remediation status of the target entity and status of the pending action after a decision. */
const OUTCOMES: Record<PendingActionDecision, { remediationStatus: RemediationStatus; status: string }> = {
  approve: { remediationStatus: 'remediated', status: 'approved' },
  reject: { remediationStatus: 'declined', status: 'rejected' },
};

/** Creates the adapter of one incident. `decisionDelayMs` overrides `DECISION_DELAY_MS`. */
export function createDemoAdapter(initial: IncidentSnapshot, options: { decisionDelayMs?: number } = {}): DemoAdapter {
  const live = createLiveStaticAdapter(initial);
  const incidentId = initial.incident.id;
  const decisionDelayMs = options.decisionDelayMs ?? DECISION_DELAY_MS;
  let snapshot = initial;
  /** Results of the decisions made, by idempotency key, so a retried request is applied once. */
  const decided = new Map<string, ActionResult>();

  const push = (id: string, patch: IncidentPatch): number => {
    const reached = live.push(id, patch);
    snapshot = applyIncidentPatch(snapshot, patch);
    return reached;
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
  };
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
