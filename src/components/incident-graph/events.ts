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

export interface LayoutProgressDetail {
  /** Simulation ticks run so far. */
  ticks: number;
  /**
   * Ticks the run takes at most. `ticks / maxTicks` is its progress. The last event of a run,
   * fired just before `il-layout-end`, has `maxTicks` equal to `ticks`, since a run that cools
   * down early stops short of its limit.
   */
  maxTicks: number;
  /** Temperature of the simulation, falling from 0.5 to 0.001 as it settles. */
  alpha: number;
}

/** A layout running in slices or in a worker moved its nodes. Fired for graphs too big for one task. */
export class LayoutProgressEvent extends CustomEvent<LayoutProgressDetail> {
  static readonly eventName = 'il-layout-progress';
  constructor(detail: LayoutProgressDetail) {
    super(LayoutProgressEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

export interface GroupToggleDetail {
  /** Id of the group, as in the element's `groups`. */
  groupId: string;
  /** True when the group now shows its members, false when it is one node again. */
  expanded: boolean;
}

/** The user expanded or collapsed a group, by double-click or Enter. The host's calls fire none. */
export class GroupToggleEvent extends CustomEvent<GroupToggleDetail> {
  static readonly eventName = 'il-group-toggle';
  constructor(detail: GroupToggleDetail) {
    super(GroupToggleEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'il-layout-progress': LayoutProgressEvent;
    'il-layout-end': LayoutEndEvent;
    'il-group-toggle': GroupToggleEvent;
  }
}
