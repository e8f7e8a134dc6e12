/**
 * The remediation actions and pending-action decisions of the entity a flyout shows: the
 * adapter's list of actions, each action's state, the calls under way and their results.
 *
 * All calls belong to the entity on screen. When the flyout shows another entity, or leaves
 * the page, every call under way is aborted and its late result is discarded. So no result
 * ever lands on the wrong entity, and no event reports it.
 */

import { IntentKeys } from '../shared/intent-keys.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ActionDescriptor,
  ActionResult,
  EntityRef,
  IncidentDataAdapter,
  PendingActionDecision,
} from '../../adapter/adapter.js';
import type { PendingAction } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';
import { msg } from '../shared/strings.js';
import {
  ActionCompleteEvent,
  ActionErrorEvent,
  ActionRequestEvent,
  type ActionWork,
  type PendingDecisionWork,
  type RunActionWork,
} from './events.js';

/** Status of the adapter's action list, named like the status of Lit's `Task`. */
export type ActionListStatus = 'initial' | 'pending' | 'complete' | 'error';

export type ActionPhase = 'idle' | 'confirming' | 'running' | 'succeeded' | 'failed';

/** State of one offered action. `message` is the text shown in place once the call settled. */
export interface ActionState {
  phase: ActionPhase;
  message?: string;
  result?: ActionResult;
}

export type DecisionPhase = 'idle' | 'deciding' | 'decided' | 'failed';

/** State of one pending action's approval or rejection. */
export interface DecisionState {
  phase: DecisionPhase;
  decision?: PendingActionDecision;
  message?: string;
  result?: ActionResult;
}

/** The entity on screen and where its actions go. */
export interface ActionScope {
  target: EntityRef;
  /** The entity's display name, for confirmation prompts and messages. */
  entityName: string;
  adapter: IncidentDataAdapter | undefined;
  session: IncidentSession;
}

/** A control that should receive focus after the next render. */
export interface FocusRequest {
  /** `action` or `pending`, with the id of the action or the pending action. */
  kind: 'action' | 'pending';
  id: string;
  control: 'main' | 'cancel';
}

const IDLE: ActionState = Object.freeze({ phase: 'idle' });
const IDLE_DECISION: DecisionState = Object.freeze({ phase: 'idle' });

export class ActionController implements ReactiveController {
  listStatus: ActionListStatus = 'initial';
  actions: readonly ActionDescriptor[] = [];
  listError: unknown = undefined;

  private readonly host: ReactiveControllerHost & EventTarget;
  private current: ActionScope | undefined;
  private abortController: AbortController | undefined;
  private actionStates = new Map<string, ActionState>();
  private decisionStates = new Map<string, DecisionState>();
  private focusRequest: FocusRequest | undefined;

  /**
   * Idempotency keys of attempts whose outcome is unknown, by entity and action: the call
   * rejected, or its result was discarded. The next attempt of the same action on the same
   * entity reuses the key, so an adapter that did run the first attempt runs nothing twice.
   */
  private readonly intentKeys = new IntentKeys();

  constructor(host: ReactiveControllerHost & EventTarget) {
    this.host = host;
    host.addController(this);
  }

  /** The entity the actions belong to, or undefined when the flyout shows none. */
  get scope(): ActionScope | undefined {
    return this.current;
  }

  hostDisconnected(): void {
    this.setScope(undefined);
  }

  /**
   * Follows the entity on screen. Another entity, incident, session or adapter aborts every
   * call of the previous one, clears the action states and loads the new list.
   */
  setScope(next: ActionScope | undefined): void {
    if (sameScope(next, this.current)) return;

    this.abortController?.abort(new DOMException('The flyout shows another entity.', 'AbortError'));
    this.abortController = next ? new AbortController() : undefined;
    this.current = next;
    this.actionStates = new Map();
    this.decisionStates = new Map();
    this.focusRequest = undefined;
    this.actions = [];
    this.listError = undefined;
    this.listStatus = 'initial';

    if (next?.adapter?.listActions) void this.loadActions(next, this.abortController!.signal);
  }

  /** Loads the action list again, after it failed. */
  reloadActions(): void {
    const scope = this.current;
    if (!scope?.adapter?.listActions || this.listStatus === 'pending') return;
    void this.loadActions(scope, this.abortController!.signal);
  }

  actionState(actionId: string): ActionState {
    return this.actionStates.get(actionId) ?? IDLE;
  }

  decisionState(pendingActionId: string): DecisionState {
    return this.decisionStates.get(pendingActionId) ?? IDLE_DECISION;
  }

  /** Returns the pending focus request and clears it. */
  takeFocusRequest(): FocusRequest | undefined {
    const request = this.focusRequest;
    this.focusRequest = undefined;
    return request;
  }

  /**
   * Starts an action the user chose: a destructive one requires confirmation first, any other
   * runs at once. Does nothing while the action is running or confirming, so a double-click
   * sends one request.
   */
  choose(scope: ActionScope, action: ActionDescriptor): void {
    if (scope !== this.current) return;
    const { phase } = this.actionState(action.id);
    if (phase === 'running' || phase === 'confirming') return;

    if (action.destructive) {
      this.setActionState(action.id, { phase: 'confirming' });
      this.focusRequest = { kind: 'action', id: action.id, control: 'cancel' };
      return;
    }
    this.run(scope, action);
  }

  /** Closes a confirmation without running the action. */
  cancel(actionId: string): void {
    if (this.actionState(actionId).phase !== 'confirming') return;
    this.setActionState(actionId, IDLE);
    this.focusRequest = { kind: 'action', id: actionId, control: 'main' };
  }

  /** Returns true when an action waits for confirmation. */
  get confirming(): boolean {
    return [...this.actionStates.values()].some((state) => state.phase === 'confirming');
  }

  /** Closes every open confirmation, for Escape. Returns true when one was open. */
  cancelAll(): boolean {
    let cancelled = false;
    for (const [id, state] of this.actionStates) {
      if (state.phase !== 'confirming') continue;
      this.cancel(id);
      cancelled = true;
    }
    return cancelled;
  }

  /** Runs an action after its confirmation, or again after it failed. */
  run(scope: ActionScope, action: ActionDescriptor): void {
    if (scope !== this.current || this.actionState(action.id).phase === 'running') return;

    const keyName = `${scope.target.incidentId}\n${scope.target.entityId}\naction\n${action.id}`;
    const work: RunActionWork = {
      type: 'run',
      action,
      request: { actionId: action.id, target: { ...scope.target }, idempotencyKey: this.intentKeys.keyFor(keyName) },
    };

    this.setActionState(action.id, { phase: 'running' });
    this.focusRequest = { kind: 'action', id: action.id, control: 'main' };
    void this.perform(scope, work, keyName, {
      call: (signal) => scope.adapter?.runAction?.(work.request, { signal }),
      missingMessage: msg('flyout.action.unsupported'),
      onVeto: () => this.setActionState(action.id, IDLE),
      onAnswer: (result, message) => {
        this.setActionState(action.id, { phase: result.status === 'failed' ? 'failed' : 'succeeded', message, result });
      },
      onError: (message) => this.setActionState(action.id, { phase: 'failed', message }),
      describeSuccess: (result) => successMessage(action.label, result),
      describeFailure: () => msg('flyout.action.failed', { action: action.label }),
    });
  }

  /**
   * Approves or rejects a pending action. Does nothing while a decision on it is under way.
   * The pending action's status and the entity's remediation status change only from the
   * adapter's result.
   */
  decide(scope: ActionScope, pendingAction: PendingAction, decision: PendingActionDecision): void {
    if (scope !== this.current || this.decisionState(pendingAction.id).phase === 'deciding') return;

    const keyName = `${scope.target.incidentId}\n${scope.target.entityId}\npending\n${pendingAction.id}\n${decision}`;
    const idempotencyKey = this.intentKeys.keyFor(keyName);
    const work: PendingDecisionWork = {
      type: 'decision',
      pendingAction,
      decision,
      target: { ...scope.target },
      idempotencyKey,
    };

    const before = this.decisionState(pendingAction.id);
    this.setDecisionState(pendingAction.id, { phase: 'deciding', decision });
    void this.perform(scope, work, keyName, {
      call: (signal) => scope.adapter?.decidePendingAction?.(pendingAction.id, decision, { signal, idempotencyKey }),
      missingMessage: msg('flyout.pending.unsupported'),
      onVeto: () => this.setDecisionState(pendingAction.id, before),
      onAnswer: (result, message) => {
        const failed = result.status === 'failed';
        this.setDecisionState(pendingAction.id, { phase: failed ? 'failed' : 'decided', decision, message, result });
        if (failed) return;

        const status = decidedStatus(decision, result);
        if (status !== undefined) scope.session.updatePendingAction(pendingAction.id, { status });
        // The buttons of a decided action go away, so focus moves to its name.
        this.focusRequest = { kind: 'pending', id: pendingAction.id, control: 'main' };
      },
      onError: (message) => this.setDecisionState(pendingAction.id, { phase: 'failed', decision, message }),
      describeSuccess: (result) =>
        result.message ?? msg(decision === 'approve' ? 'flyout.pending.approved' : 'flyout.pending.rejected'),
      describeFailure: () =>
        msg(decision === 'approve' ? 'flyout.pending.approveFailed' : 'flyout.pending.rejectFailed'),
    });
  }

  /**
   * Sends one piece of work: fires `il-action-request`, calls the adapter unless a listener
   * vetoed the work or took it over, then shows the result and fires `il-action-complete` or
   * `il-action-error`, unless the result came after the entity left the screen.
   */
  private async perform(scope: ActionScope, work: ActionWork, keyName: string, steps: PerformSteps): Promise<void> {
    const signal = this.abortController!.signal;
    const request = new ActionRequestEvent({ ...work, signal });
    this.host.dispatchEvent(request);

    const answer = request.answer;
    if (answer === undefined && request.defaultPrevented) {
      // A veto ends the intent before anything was sent.
      this.intentKeys.settle(keyName);
      steps.onVeto();
      this.host.requestUpdate();
      return;
    }

    try {
      // Inside the try, so an adapter that throws instead of rejecting is handled the same way.
      const result = await (answer ?? steps.call(signal) ?? Promise.reject(new Error(steps.missingMessage)));
      if (signal.aborted || scope !== this.current) return;

      // The adapter returned a result, so the attempt is settled and a retry is a new intent.
      this.intentKeys.settle(keyName);
      const failed = result.status === 'failed';
      const message = failed ? (result.message ?? steps.describeFailure()) : steps.describeSuccess(result);
      steps.onAnswer(result, message);
      if (!failed && result.remediationStatus !== undefined) {
        scope.session.updateEntity(scope.target.entityId, { remediationStatus: result.remediationStatus });
      }
      this.host.requestUpdate();

      if (failed) this.host.dispatchEvent(new ActionErrorEvent({ ...work, result, message }));
      else this.host.dispatchEvent(new ActionCompleteEvent({ ...work, result }));
    } catch (error) {
      if (signal.aborted || scope !== this.current) return;

      // NOTE: the key stays unsettled in `intentKeys`: a rejected call may have reached the service.
      const message = msg('flyout.action.error', { failure: steps.describeFailure(), reason: errorText(error) });
      steps.onError(message);
      this.host.requestUpdate();
      this.host.dispatchEvent(new ActionErrorEvent({ ...work, error, message }));
    }
  }

  private async loadActions(scope: ActionScope, signal: AbortSignal): Promise<void> {
    this.listStatus = 'pending';
    this.listError = undefined;
    this.host.requestUpdate();

    try {
      const actions = await scope.adapter!.listActions!(scope.target, { signal });
      if (signal.aborted || scope !== this.current) return;
      this.actions = Array.isArray(actions) ? actions : [];
      this.listStatus = 'complete';
    } catch (error) {
      if (signal.aborted || scope !== this.current) return;
      this.listError = error;
      this.listStatus = 'error';
    }
    this.host.requestUpdate();
  }


  private setActionState(actionId: string, state: ActionState): void {
    const next = new Map(this.actionStates);
    next.set(actionId, state);
    this.actionStates = next;
    this.host.requestUpdate();
  }

  private setDecisionState(pendingActionId: string, state: DecisionState): void {
    const next = new Map(this.decisionStates);
    next.set(pendingActionId, state);
    this.decisionStates = next;
    this.host.requestUpdate();
  }
}

/** The parts of `perform` that differ between running an action and deciding on one. */
interface PerformSteps {
  call: (signal: AbortSignal) => Promise<ActionResult> | undefined;
  /** The failure when the adapter lacks the method and no listener responded. */
  missingMessage: string;
  onVeto: () => void;
  onAnswer: (result: ActionResult, message: string) => void;
  onError: (message: string) => void;
  describeSuccess: (result: ActionResult) => string;
  describeFailure: () => string;
}

function sameScope(a: ActionScope | undefined, b: ActionScope | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.target.incidentId === b.target.incidentId &&
    a.target.entityId === b.target.entityId &&
    a.adapter === b.adapter &&
    a.session === b.session
  );
}

/** Returns the pending action's status after an accepted decision, or undefined to keep it. */
function decidedStatus(decision: PendingActionDecision, result: ActionResult): string | undefined {
  if (decision === 'reject') return 'rejected';
  if (result.status === 'running') return 'running';
  if (result.status === 'succeeded') return 'approved';
  // `pending`: the approval was recorded but the action still waits, for example for a second approver.
  return undefined;
}

function successMessage(action: string, result: ActionResult): string {
  if (result.message) return result.message;
  if (result.status === 'running') return msg('flyout.action.started', { action });
  if (result.status === 'pending') return msg('flyout.action.waiting', { action });
  return msg('flyout.action.succeeded', { action });
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return msg('flyout.action.unknownError');
}
