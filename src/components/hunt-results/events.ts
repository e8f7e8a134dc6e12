/** Events of `<il-hunt-results>`. */

import type { EntityRef, HuntQuery, HuntRecord, HuntResult } from '../../adapter/adapter.js';

export interface HuntCompleteDetail {
  /** The entity the hunt was run for. */
  target: EntityRef;
  query: HuntQuery;
  /** `succeeded` with `result`, or `failed` with `error`. A cancelled hunt fires nothing. */
  status: 'succeeded' | 'failed';
  result?: HuntResult;
  error?: unknown;
}

/**
 * A hunt the user ran finished, with rows or with an error. It does not fire for a hunt that
 * was aborted because the user cancelled it, ran another query or the target changed.
 */
export class HuntCompleteEvent extends CustomEvent<HuntCompleteDetail> {
  static readonly eventName = 'il-hunt-complete';
  constructor(detail: HuntCompleteDetail) {
    super(HuntCompleteEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

export interface LinkToIncidentDetail {
  incidentId: string;
  /** The entity the hunt was run for. */
  target: EntityRef;
  query: HuntQuery;
  /** The selected rows, in the order of the query's result. */
  records: HuntRecord[];
}

/**
 * A user request to link the selected rows to the incident. The event is cancelable: a host
 * that calls `preventDefault()` vetoes the request or links the rows itself, and the element
 * then does not call the adapter's `linkToIncident`.
 */
export class LinkToIncidentEvent extends CustomEvent<LinkToIncidentDetail> {
  static readonly eventName = 'il-link-to-incident';
  constructor(detail: LinkToIncidentDetail) {
    super(LinkToIncidentEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-hunt-complete': HuntCompleteEvent;
    'il-link-to-incident': LinkToIncidentEvent;
  }
}
