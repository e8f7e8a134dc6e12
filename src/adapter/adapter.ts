/**
 * The headless data adapter that host apps implement. Only `loadIncident` is required; a
 * component hides whatever optional capability the adapter does not offer.
 */

import type {
  EntityKind,
  EpochMs,
  IncidentPatch,
  IncidentSnapshot,
  Investigation,
  PendingAction,
  RemediationStatus,
} from '../model/types.js';

/** Options of every adapter call: the signal aborts the call when its result is no longer needed. */
export interface AdapterCallOptions {
  signal: AbortSignal;
}

/** The entity an action or a hunt is about, in the incident being investigated. */
export interface EntityRef {
  incidentId: string;
  entityId: string;
  kind: EntityKind;
}

/** A response action the adapter offers for an entity, for example "Isolate device". */
export interface ActionDescriptor {
  id: string;
  label: string;
  description?: string;
  /** True for an action that changes the target and must be confirmed first. */
  destructive?: boolean;
  /** True when the action waits for an approval before it runs. */
  requiresApproval?: boolean;
}

/** The request `runAction` receives: which action, on which entity, for which user intent. */
export interface ActionRequest {
  actionId: string;
  target: EntityRef;
  /** Unique per user intent. An adapter that receives the same key twice runs the action once. */
  idempotencyKey: string;
  comment?: string;
  parameters?: Record<string, unknown>;
}

/** The result that `runAction` and `decidePendingAction` resolve with. */
export interface ActionResult {
  /**
   * `succeeded`: the action is done. `running`: it started and finishes later. `pending`: it
   * waits for an approval. `failed`: it did not run, and `message` gives the reason.
   */
  status: 'succeeded' | 'failed' | 'pending' | 'running';
  /** Text for the analyst, shown in place next to the action. */
  message?: string;
  /** The entity's remediation status after the action, as far as the adapter can tell. */
  remediationStatus?: RemediationStatus;
  pendingActionId?: string;
}

/** Analyst's decision on a pending action. */
export type PendingActionDecision = 'approve' | 'reject';

/** Options of `decidePendingAction`. */
export interface PendingDecisionOptions extends AdapterCallOptions {
  /**
   * Unique per user intent, like `ActionRequest.idempotencyKey`: an adapter that receives the
   * same key twice applies the decision once. `il-entity-flyout` always sends one. A host that
   * calls the adapter itself may leave it out.
   */
  idempotencyKey?: string;
}

/** A "go hunt" query the adapter can run for an entity. */
export interface HuntQuery {
  id: string;
  name: string;
  description?: string;
  /** The query text in the adapter's language, shown to the analyst; never executed here. */
  query?: string;
  target?: EntityRef;
}

export interface HuntColumn {
  name: string;
  type?: 'string' | 'number' | 'datetime' | 'boolean';
}

export type HuntRecord = Record<string, unknown>;

export interface HuntResult {
  columns: HuntColumn[];
  rows: HuntRecord[];
  /** The time range the query covered, epoch ms. */
  start?: number;
  end?: number;
}

/** The request `runBulkAction` receives: one action on several entities, for one user intent. */
export interface BulkActionRequest {
  actionId: string;
  /** The entities the user checked, all in one incident. */
  targets: EntityRef[];
  /** Unique per user intent. An adapter that receives the same key twice runs the action once. */
  idempotencyKey: string;
  comment?: string;
  parameters?: Record<string, unknown>;
}

/** The outcome of a bulk action for one of its targets. */
export interface BulkTargetResult {
  entityId: string;
  status: ActionResult['status'];
  message?: string;
  /** The entity's remediation status after the action, as far as the adapter can tell. */
  remediationStatus?: RemediationStatus;
}

/** The result that `runBulkAction` resolves with. */
export interface BulkActionResult {
  /**
   * The status of the whole request, as in `ActionResult`. An action that succeeded for some
   * targets and failed for others is `succeeded`, with the failures in `results`.
   */
  status: ActionResult['status'];
  /** Text for the analyst, shown in place next to the action. */
  message?: string;
  /** Outcomes per target, for the targets the adapter reports on. */
  results?: BulkTargetResult[];
}

/** One entry of an automated investigation's history of actions taken. */
export interface InvestigationActionRecord {
  /** Action taken, for example "Quarantined file" or "Collected investigation package". */
  action: string;
  time?: EpochMs;
  /** The entity the action was about, if any. */
  entityId?: string;
  /** Actor that took the action, for example "Automation" or an analyst's UPN. */
  actor?: string;
  /** For example `completed`, `failed`, `approved`, `rejected`. */
  status?: string;
}

/**
 * An automated investigation as `listInvestigations` returns it: the snapshot's
 * `Investigation` with a name, its pending actions in full and the history of actions taken.
 */
export interface AutomatedInvestigation extends Investigation {
  name?: string;
  /** Pending actions of this investigation. Those named only in `pendingActionIds` are read from the snapshot. */
  pendingActions?: PendingAction[];
  /** Actions the investigation took, oldest first. */
  actionsTaken?: InvestigationActionRecord[];
}

export interface IncidentDataAdapter {
  loadIncident(id: string, options: AdapterCallOptions): Promise<IncidentSnapshot>;
  subscribe?(id: string, onChange: (patch: IncidentPatch) => void): () => void;
  listActions?(target: EntityRef, options: AdapterCallOptions): Promise<ActionDescriptor[]>;
  runAction?(request: ActionRequest, options: AdapterCallOptions): Promise<ActionResult>;
  decidePendingAction?(
    id: string,
    decision: PendingActionDecision,
    options: PendingDecisionOptions,
  ): Promise<ActionResult>;
  listHuntQueries?(target: EntityRef, options: AdapterCallOptions): Promise<HuntQuery[]>;
  runHunt?(query: HuntQuery, options: AdapterCallOptions): Promise<HuntResult>;
  linkToIncident?(
    incidentId: string,
    records: HuntRecord[],
    options: AdapterCallOptions,
  ): Promise<void>;
  /** The actions offered for several entities at once, for example export, tag or investigate. */
  listBulkActions?(targets: EntityRef[], options: AdapterCallOptions): Promise<ActionDescriptor[]>;
  runBulkAction?(request: BulkActionRequest, options: AdapterCallOptions): Promise<BulkActionResult>;
  /**
   * The automated investigations of an incident. Without this method, elements show the
   * snapshot's `investigations`.
   */
  listInvestigations?(incidentId: string, options: AdapterCallOptions): Promise<AutomatedInvestigation[]>;
}
