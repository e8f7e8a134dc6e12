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

export interface ActionRequest {
  actionId: string;
  target: EntityRef;
  /** Unique per user intent; an adapter that receives the same key twice runs the action once. */
  idempotencyKey: string;
  comment?: string;
  parameters?: Record<string, unknown>;
}

export interface ActionResult {
  status: 'succeeded' | 'failed' | 'pending' | 'running';
  message?: string;
  /** The entity's remediation status after the action, as far as the adapter can tell. */
  remediationStatus?: RemediationStatus;
  pendingActionId?: string;
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
    decision: 'approve' | 'reject',
    options: AdapterCallOptions,
  ): Promise<ActionResult>;
  listHuntQueries?(target: EntityRef, options: AdapterCallOptions): Promise<HuntQuery[]>;
  runHunt?(query: HuntQuery, options: AdapterCallOptions): Promise<HuntResult>;
  linkToIncident?(
    incidentId: string,
    records: HuntRecord[],
    options: AdapterCallOptions,
  ): Promise<void>;
}
