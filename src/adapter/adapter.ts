/**
 * The headless data adapter that host apps implement. Only `loadIncident` is required; a
 * component hides whatever optional capability the adapter does not offer.
 */

import type {
  EntityKind,
  IncidentPatch,
  IncidentSnapshot,
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
  /** Unique per user intent; an adapter that receives the same key twice runs the action once. */
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

/** What an analyst decides about a pending action. */
export type PendingActionDecision = 'approve' | 'reject';

/** Options of `decidePendingAction`. */
export interface PendingDecisionOptions extends AdapterCallOptions {
  /**
   * Unique per user intent, like `ActionRequest.idempotencyKey`: an adapter that receives the
   * same key twice applies the decision once. `il-entity-flyout` always sends one; a host that
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
}
