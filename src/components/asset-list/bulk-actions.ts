/**
 * The bulk actions of the asset list: the adapter's actions for the checked entities, each
 * action's state, the calls under way and their results.
 *
 * Another set of checked entities loads the action list again and aborts the previous list
 * call. A running action keeps running, because the user started it on the entities checked
 * at that time. Another session or adapter, or leaving the page, aborts every call and
 * discards its late result, so no event reports it.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ActionDescriptor,
  BulkActionRequest,
  EntityRef,
  IncidentDataAdapter,
} from '../../adapter/adapter.js';
import type { IncidentSession } from '../../session/session.js';
import { IntentKeys } from '../shared/intent-keys.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';
import { BulkActionCompleteEvent, BulkActionErrorEvent, BulkActionRequestEvent, type BulkActionWork } from './events.js';

/** Status of the adapter's action list, named like the status of Lit's `Task`. */
export type BulkListStatus = 'initial' | 'pending' | 'complete' | 'error';

export type BulkPhase = 'idle' | 'confirming' | 'running' | 'succeeded' | 'failed';

export interface BulkActionState {
  phase: BulkPhase;
  /** Text shown in place once the call settled. */
  message?: string;
  /** Number of entities the confirmation or the running call is about. */
  count?: number;
}

/** The adapter, session and checked entities that bulk actions apply to. */
export interface BulkScope {
  targets: readonly EntityRef[];
  adapter: IncidentDataAdapter | undefined;
  session: IncidentSession;
}

/** A control of one action that should receive focus after the next render. */
export interface BulkFocusRequest {
  actionId: string;
  control: 'main' | 'cancel';
}

const IDLE: BulkActionState = Object.freeze({ phase: 'idle' });

export class BulkActionController implements ReactiveController {
  listStatus: BulkListStatus = 'initial';
  actions: readonly ActionDescriptor[] = [];
  listError: unknown = undefined;

  private readonly host: ReactiveControllerHost & EventTarget;
  /** Formats of the host's locale, for the counts in result messages. */
  private readonly format: LocaleFormat;
  private scope: BulkScope | undefined;
  private targetsKey = '';
  /** Aborts every call of the current session and adapter. */
  private contextAbort: AbortController | undefined;
  /** Aborts the action list call of the current targets. */
  private listAbort: AbortController | undefined;
  private states = new Map<string, BulkActionState>();
  private focusRequest: BulkFocusRequest | undefined;

  /**
   * Idempotency keys of attempts whose outcome is unknown (the call rejected or its result was
   * discarded), by action and target set. A retry of the same action on the same entities
   * reuses the key, so an adapter that did run the first attempt runs nothing twice.
   */
  private readonly intentKeys = new IntentKeys();

  constructor(host: ReactiveControllerHost & EventTarget, format: LocaleFormat) {
    this.host = host;
    this.format = format;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.setScope(undefined);
  }

  /** Returns true when the adapter can list and run bulk actions. */
  get supported(): boolean {
    return typeof this.scope?.adapter?.listBulkActions === 'function' && typeof this.scope.adapter.runBulkAction === 'function';
  }

  state(actionId: string): BulkActionState {
    return this.states.get(actionId) ?? IDLE;
  }

  /** Returns the pending focus request and clears it. */
  takeFocusRequest(): BulkFocusRequest | undefined {
    const request = this.focusRequest;
    this.focusRequest = undefined;
    return request;
  }

  /** Follows the session, the adapter and the checked entities. */
  setScope(next: BulkScope | undefined): void {
    const previous = this.scope;
    if (!next || next.session !== previous?.session || next.adapter !== previous?.adapter) {
      this.contextAbort?.abort(new DOMException('The asset list changed its session or adapter.', 'AbortError'));
      this.contextAbort = next ? new AbortController() : undefined;
      this.listAbort = undefined;
      this.states = new Map();
      this.targetsKey = '';
      this.actions = [];
      this.listStatus = 'initial';
    }
    this.scope = next;
    if (!next) return;

    const key = targetsKeyOf(next.targets);
    if (key === this.targetsKey) return;
    this.targetsKey = key;

    this.listAbort?.abort(new DOMException('The checked entities changed.', 'AbortError'));
    this.listAbort = undefined;
    const kept = new Map([...this.states].filter(([, state]) => state.phase === 'running'));
    this.states = kept;
    this.actions = [];
    this.listError = undefined;
    this.listStatus = 'initial';
    if (next.targets.length > 0 && this.supported) void this.loadActions(next);
  }

  /** Starts an action, or first requests confirmation of a destructive one. Ignored while it runs or waits. */
  choose(action: ActionDescriptor): void {
    const scope = this.scope;
    const { phase } = this.state(action.id);
    if (!scope || scope.targets.length === 0 || phase === 'running' || phase === 'confirming') return;

    if (action.destructive) {
      this.setState(action.id, { phase: 'confirming', count: scope.targets.length });
      this.focusRequest = { actionId: action.id, control: 'cancel' };
      return;
    }
    this.run(action);
  }

  /** Closes a confirmation without running the action, and returns focus to the action's button. */
  cancel(actionId: string): void {
    if (this.state(actionId).phase !== 'confirming') return;
    this.setState(actionId, IDLE);
    this.focusRequest = { actionId, control: 'main' };
  }

  /** Closes every open confirmation, for Escape. Returns true when one was open. */
  cancelAll(): boolean {
    let cancelled = false;
    for (const [id, state] of this.states) {
      if (state.phase !== 'confirming') continue;
      this.cancel(id);
      cancelled = true;
    }
    return cancelled;
  }

  /** Runs an action on the checked entities, after its confirmation or again after it failed. */
  run(action: ActionDescriptor): void {
    const scope = this.scope;
    if (!scope || scope.targets.length === 0 || this.state(action.id).phase === 'running') return;

    const targets = scope.targets.map((target) => ({ ...target }));
    const keyName = `${action.id}\n${targetsKeyOf(targets)}`;
    const request: BulkActionRequest = { actionId: action.id, targets, idempotencyKey: this.intentKeys.keyFor(keyName) };
    this.setState(action.id, { phase: 'running', count: targets.length });
    // The confirmation goes away, so focus moves to the action's button, which stays while it runs.
    this.focusRequest = { actionId: action.id, control: 'main' };
    void this.perform(scope, { action, request }, keyName);
  }

  /**
   * Fires `il-bulk-action-request`, calls the adapter unless a listener vetoed the work or
   * took it over, then shows the result and fires `il-bulk-action-complete` or
   * `il-bulk-action-error`, unless the session or adapter changed meanwhile.
   */
  private async perform(scope: BulkScope, work: BulkActionWork, keyName: string): Promise<void> {
    const signal = this.contextAbort!.signal;
    const event = new BulkActionRequestEvent({ ...work, signal });
    this.host.dispatchEvent(event);

    if (event.answer === undefined && event.defaultPrevented) {
      this.intentKeys.settle(keyName);
      this.setState(work.action.id, IDLE);
      return;
    }

    const label = work.action.label;
    const count = work.request.targets.length;
    try {
      // Inside the try, so an adapter that throws instead of rejecting is handled the same way.
      const call = event.answer ?? scope.adapter?.runBulkAction?.(work.request, { signal });
      const result = await (call ?? Promise.reject(new Error(msg('assets.bulk.unsupported'))));
      if (signal.aborted || scope.session !== this.scope?.session) return;

      this.intentKeys.settle(keyName);
      const failed = result.status === 'failed';
      const message = result.message ?? this.format.msg(failed ? 'assets.bulk.failed' : `assets.bulk.${result.status}`, { action: label, count });
      this.setState(work.action.id, { phase: failed ? 'failed' : 'succeeded', message, count });
      for (const outcome of result.results ?? []) {
        if (outcome.status === 'failed' || outcome.remediationStatus === undefined) continue;
        scope.session.updateEntity(outcome.entityId, { remediationStatus: outcome.remediationStatus });
      }

      if (failed) this.host.dispatchEvent(new BulkActionErrorEvent({ ...work, result, message }));
      else this.host.dispatchEvent(new BulkActionCompleteEvent({ ...work, result }));
    } catch (error) {
      if (signal.aborted || scope.session !== this.scope?.session) return;

      // NOTE: the key stays unsettled in `intentKeys`, because a rejected call may have reached the service.
      const message = msg('assets.bulk.error', { action: label, reason: errorText(error) });
      this.setState(work.action.id, { phase: 'failed', message, count });
      this.host.dispatchEvent(new BulkActionErrorEvent({ ...work, error, message }));
    }
  }

  private async loadActions(scope: BulkScope): Promise<void> {
    const request = new AbortController();
    this.listAbort = request;
    // The list call ends with the targets or with the whole context, whichever goes first.
    const contextSignal = this.contextAbort!.signal;
    contextSignal.addEventListener('abort', () => request.abort(contextSignal.reason), { once: true, signal: request.signal });
    const signal = request.signal;
    this.listStatus = 'pending';
    this.host.requestUpdate();

    try {
      const actions = await scope.adapter!.listBulkActions!(scope.targets.map((target) => ({ ...target })), { signal });
      if (signal.aborted || request !== this.listAbort) return;
      this.actions = Array.isArray(actions) ? actions : [];
      this.listStatus = 'complete';
    } catch (error) {
      if (signal.aborted || request !== this.listAbort) return;
      this.listError = error;
      this.listStatus = 'error';
    }
    this.host.requestUpdate();
  }


  private setState(actionId: string, state: BulkActionState): void {
    const next = new Map(this.states);
    next.set(actionId, state);
    this.states = next;
    this.host.requestUpdate();
  }
}

/** Returns the identity of a set of targets, independent of the order they were checked in. */
function targetsKeyOf(targets: readonly EntityRef[]): string {
  return targets
    .map((target) => `${target.incidentId}\n${target.entityId}`)
    .sort()
    .join('\n\n');
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return msg('assets.bulk.unknownError');
}
