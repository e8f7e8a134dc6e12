/** Events of `<il-entity-flyout>` besides the shared `il-selection-change`. */

import type {
  ActionDescriptor,
  ActionRequest,
  ActionResult,
  EntityRef,
  PendingActionDecision,
} from '../../adapter/adapter.js';
import type { PendingAction } from '../../model/types.js';

/** The user action that requested the close. */
export type FlyoutCloseReason = 'close-button' | 'escape' | 'backdrop';

export interface FlyoutCloseDetail {
  /** The entity the flyout showed, or undefined when it showed an empty state. */
  entityId: string | undefined;
  reason: FlyoutCloseReason;
}

/**
 * A user request to close the flyout: with its close button, or in modal mode with Escape or a
 * click on the backdrop. Docked, the event is only a request: the host decides whether to hide
 * the flyout, clear the selection, or do nothing. In modal mode the flyout closes itself
 * unless a listener calls `preventDefault()`.
 */
export class FlyoutCloseEvent extends CustomEvent<FlyoutCloseDetail> {
  static readonly eventName = 'il-flyout-close';
  constructor(detail: FlyoutCloseDetail) {
    super(FlyoutCloseEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

/** Running an action the adapter offers for the entity. */
export interface RunActionWork {
  type: 'run';
  action: ActionDescriptor;
  request: ActionRequest;
}

/** Approving or rejecting a pending action on the entity. */
export interface PendingDecisionWork {
  type: 'decision';
  pendingAction: PendingAction;
  decision: PendingActionDecision;
  target: EntityRef;
  idempotencyKey: string;
}

/** The work a user requested in the flyout: an action to run or a decision on a pending one. */
export type ActionWork = RunActionWork | PendingDecisionWork;

export type ActionRequestDetail = ActionWork & {
  /** Aborted when the result is no longer needed, for example when another entity is shown. */
  signal: AbortSignal;
};

/**
 * The user confirmed an action or a decision, which the flyout is about to send to the
 * adapter. A listener may call `preventDefault()` to veto it: the flyout then sends nothing
 * and returns to the state before. A listener that does the work itself calls
 * `respondWith(answer)`: the flyout shows the answer's progress and result as if the adapter
 * had returned it, and does not call the adapter.
 */
export class ActionRequestEvent extends CustomEvent<ActionRequestDetail> {
  static readonly eventName = 'il-action-request';

  /** @internal The result a listener passed to `respondWith`. */
  answer: Promise<ActionResult> | undefined = undefined;

  constructor(detail: ActionRequestDetail) {
    super(ActionRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }

  /**
   * Takes the work over from the adapter: `answer` is used as the adapter's result. Must be
   * called while the event is dispatched, and it also calls `preventDefault()`.
   */
  respondWith(answer: Promise<ActionResult> | ActionResult): void {
    if (this.answer !== undefined) {
      throw new Error('ActionRequestEvent.respondWith: called twice for one event. Call respondWith once per event.');
    }
    this.answer = Promise.resolve(answer);
    this.preventDefault();
  }
}

export type ActionCompleteDetail = ActionWork & {
  /** The adapter's result. Its status is `succeeded`, `running` or `pending`. */
  result: ActionResult;
};

/** The adapter accepted an action or a decision the user requested. */
export class ActionCompleteEvent extends CustomEvent<ActionCompleteDetail> {
  static readonly eventName = 'il-action-complete';
  constructor(detail: ActionCompleteDetail) {
    super(ActionCompleteEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

export type ActionErrorDetail = ActionWork & {
  /** The adapter's result when its status is `failed`. */
  result?: ActionResult;
  /** The error the call rejected with, when it did. */
  error?: unknown;
  /** The text the flyout shows for the failure. */
  message: string;
};

/**
 * An action or a decision the user requested failed: the adapter returned `status: 'failed'`
 * or the call rejected. A call aborted because its result was no longer needed fires nothing.
 */
export class ActionErrorEvent extends CustomEvent<ActionErrorDetail> {
  static readonly eventName = 'il-action-error';
  constructor(detail: ActionErrorDetail) {
    super(ActionErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-flyout-close': FlyoutCloseEvent;
    'il-action-request': ActionRequestEvent;
    'il-action-complete': ActionCompleteEvent;
    'il-action-error': ActionErrorEvent;
  }
}
