/** Events of `il-incident-graph` beyond the shared ones. */

export interface LayoutEndDetail {
  /** Number of nodes the layout placed, held ones included. */
  nodeCount: number;
  /** Simulation ticks it ran. */
  ticks: number;
}

/** The element finished laying out its graph and wrote the positions into it. */
export class LayoutEndEvent extends CustomEvent<LayoutEndDetail> {
  static readonly eventName = 'il-layout-end';
  constructor(detail: LayoutEndDetail) {
    super(LayoutEndEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-layout-end': LayoutEndEvent;
  }
}
