/** Events of `<il-entity-flyout>` besides the shared `il-selection-change`. */

export interface FlyoutCloseDetail {
  /** The entity the flyout showed, or undefined when it showed an empty state. */
  entityId: string | undefined;
}

/**
 * The user pressed the flyout's close button. The event is a request: the host decides whether
 * to hide the flyout, clear the selection, or do nothing.
 */
export class FlyoutCloseEvent extends CustomEvent<FlyoutCloseDetail> {
  static readonly eventName = 'il-flyout-close';
  constructor(detail: FlyoutCloseDetail) {
    super(FlyoutCloseEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-flyout-close': FlyoutCloseEvent;
  }
}
