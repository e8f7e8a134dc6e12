/**
 * Approve and reject in place for the pending actions of many entities at once, for the lists.
 * Each entity with pending actions gets the flyout's own `ActionController`, so a decision
 * here keeps the flyout's guarantees. It fires `il-action-request` (cancelable, with
 * `respondWith`), then `il-action-complete` or `il-action-error`. It sends one idempotency key
 * per intent and reuses it on a retry after the call rejected. State changes only from the
 * adapter's result, through the session. Calls under way are aborted, and their results
 * discarded, when the session or the adapter changes or the list leaves the page.
 */

import type { ReactiveControllerHost } from 'lit';
import type { IncidentDataAdapter, PendingActionDecision } from '../../adapter/adapter.js';
import type { Entity, PendingAction } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';
import { ActionController, type ActionScope, type DecisionState, type FocusRequest } from '../entity-flyout/action-controller.js';

/**
 * Adapters reduced to the calls a decision needs. The controller loads the entity's action
 * list whenever its adapter has `listActions`, which a list of hundreds of entities must not
 * do, so each scope gets a view of the adapter without it. One view per adapter keeps scopes
 * equal across renders.
 */
const decisionAdapters = new WeakMap<IncidentDataAdapter, IncidentDataAdapter>();

function decisionAdapter(adapter: IncidentDataAdapter | undefined): IncidentDataAdapter | undefined {
  if (!adapter) return undefined;

  let view = decisionAdapters.get(adapter);
  if (!view) {
    view = {
      loadIncident: (id, options) => adapter.loadIncident(id, options),
      decidePendingAction: adapter.decidePendingAction
        ? (id, decision, options) => adapter.decidePendingAction!(id, decision, options)
        : undefined,
    };
    decisionAdapters.set(adapter, view);
  }
  return view;
}

interface Entry {
  controller: ActionController;
  scope: ActionScope;
}

const IDLE: DecisionState = Object.freeze({ phase: 'idle' });

export class PendingDecisions {
  private readonly host: ReactiveControllerHost & EventTarget;
  private entries = new Map<string, Entry>();

  constructor(host: ReactiveControllerHost & EventTarget) {
    this.host = host;
  }

  /**
   * Follows the entities whose pending actions are on screen. An entity that leaves the list,
   * or a new session or adapter, aborts that entity's calls under way.
   */
  sync(session: IncidentSession | undefined, adapter: IncidentDataAdapter | undefined, entities: readonly Entity[]): void {
    const snapshot = session?.snapshot;
    const next = new Map<string, Entry>();

    if (session && snapshot) {
      for (const entity of entities) {
        const scope: ActionScope = {
          target: { incidentId: snapshot.incident.id, entityId: entity.id, kind: entity.kind },
          entityName: entity.displayName,
          adapter: decisionAdapter(adapter),
          session,
        };
        const controller = this.entries.get(entity.id)?.controller ?? new ActionController(this.host);
        controller.setScope(scope);
        // The controller compares scopes by value and keeps the first equal one, which `decide` expects.
        next.set(entity.id, { controller, scope: controller.scope ?? scope });
      }
    }

    for (const [entityId, entry] of this.entries) {
      if (next.has(entityId)) continue;
      entry.controller.setScope(undefined);
      this.host.removeController(entry.controller);
    }
    this.entries = next;
  }

  /** Returns the state of a decision on a pending action of an entity in the list. */
  state(entityId: string, pendingActionId: string): DecisionState {
    return this.entries.get(entityId)?.controller.decisionState(pendingActionId) ?? IDLE;
  }

  /** Approves or rejects a pending action. Does nothing for an entity not in the list. */
  decide(entityId: string, pendingAction: PendingAction, decision: PendingActionDecision): void {
    const entry = this.entries.get(entityId);
    entry?.controller.decide(entry.scope, pendingAction, decision);
  }

  /** Returns the focus requests of every entity's controller and clears them. */
  takeFocusRequests(): FocusRequest[] {
    const requests: FocusRequest[] = [];
    for (const { controller } of this.entries.values()) {
      const request = controller.takeFocusRequest();
      if (request) requests.push(request);
    }
    return requests;
  }
}
