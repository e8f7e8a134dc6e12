/** Events of `<il-asset-list>` besides the shared `il-selection-change`. */

import type { ActionDescriptor, BulkActionRequest, BulkActionResult } from '../../adapter/adapter.js';

const init = { bubbles: true, composed: true } as const;

/** One action on the entities the user checked. */
export interface BulkActionWork {
  action: ActionDescriptor;
  request: BulkActionRequest;
}

export type BulkActionRequestDetail = BulkActionWork & {
  /** Aborted when the result is no longer needed, for example when the session changes. */
  signal: AbortSignal;
};

/**
 * The user started an action on the checked entities (after confirming a destructive one),
 * which the list is about to send to the adapter's `runBulkAction`. `preventDefault()` vetoes
 * it: nothing is sent and the action returns to its state before. A listener that does the
 * work itself calls `respondWith(answer)`, and the list shows that result as the adapter's.
 */
export class BulkActionRequestEvent extends CustomEvent<BulkActionRequestDetail> {
  static readonly eventName = 'il-bulk-action-request';

  /** @internal The result a listener passed to `respondWith`. */
  answer: Promise<BulkActionResult> | undefined = undefined;

  constructor(detail: BulkActionRequestDetail) {
    super(BulkActionRequestEvent.eventName, { ...init, cancelable: true, detail });
  }

  /**
   * Takes the work over from the adapter: `answer` is used as the adapter's result. Must be
   * called while the event is dispatched, and it also calls `preventDefault()`.
   */
  respondWith(answer: Promise<BulkActionResult> | BulkActionResult): void {
    if (this.answer !== undefined) {
      throw new Error('BulkActionRequestEvent.respondWith: called twice for one event. Call respondWith once per event.');
    }
    this.answer = Promise.resolve(answer);
    this.preventDefault();
  }
}

export type BulkActionCompleteDetail = BulkActionWork & {
  /** The adapter's result. Its status is `succeeded`, `running` or `pending`. */
  result: BulkActionResult;
};

/** The adapter accepted a bulk action the user started. */
export class BulkActionCompleteEvent extends CustomEvent<BulkActionCompleteDetail> {
  static readonly eventName = 'il-bulk-action-complete';
  constructor(detail: BulkActionCompleteDetail) {
    super(BulkActionCompleteEvent.eventName, { ...init, detail });
  }
}

export type BulkActionErrorDetail = BulkActionWork & {
  /** The adapter's result when its status is `failed`. */
  result?: BulkActionResult;
  /** The error the call rejected with, when it did. */
  error?: unknown;
  /** The text the list shows for the failure. */
  message: string;
};

/** A bulk action failed: the result's status is `failed` or the call rejected. An aborted call fires nothing. */
export class BulkActionErrorEvent extends CustomEvent<BulkActionErrorDetail> {
  static readonly eventName = 'il-bulk-action-error';
  constructor(detail: BulkActionErrorDetail) {
    super(BulkActionErrorEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-bulk-action-request': BulkActionRequestEvent;
    'il-bulk-action-complete': BulkActionCompleteEvent;
    'il-bulk-action-error': BulkActionErrorEvent;
  }
}
