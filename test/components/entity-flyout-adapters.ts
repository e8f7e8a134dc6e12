/**
 * Scripted adapters for the flyout's action tests and stories. Every call is recorded with
 * its signal. It stays open until the script settles it, the test settles it, or its signal
 * aborts. So a test can make an adapter succeed, fail, hang until aborted, or settle calls out
 * of order.
 */

import type {
  ActionDescriptor,
  ActionRequest,
  ActionResult,
  AdapterCallOptions,
  EntityRef,
  IncidentDataAdapter,
  PendingActionDecision,
  PendingDecisionOptions,
} from '../../src/adapter/adapter.js';
import type { IncidentSnapshot, PendingAction } from '../../src/model/types.js';
import { FLYOUT_IDS } from '../fixtures/flyout-snapshot.js';

/** What a script returns for a call: a value resolves it, an Error rejects it, undefined leaves it open. */
export type ScriptedAnswer<T> = T | Error | undefined;

export interface AdapterScript {
  actions?: (target: EntityRef) => ScriptedAnswer<ActionDescriptor[]>;
  run?: (request: ActionRequest) => ScriptedAnswer<ActionResult>;
  decide?: (pendingActionId: string, decision: PendingActionDecision) => ScriptedAnswer<ActionResult>;
}

/** One adapter call, open until it is resolved, rejected or aborted. */
export interface RecordedCall<T> {
  signal: AbortSignal;
  settled: boolean;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface ListCall extends RecordedCall<ActionDescriptor[]> {
  target: EntityRef;
}

export interface RunCall extends RecordedCall<ActionResult> {
  request: ActionRequest;
}

export interface DecideCall extends RecordedCall<ActionResult> {
  pendingActionId: string;
  decision: PendingActionDecision;
  idempotencyKey: string | undefined;
}

/** An adapter whose optional action methods follow a script and record every call. */
export interface ScriptedAdapter extends IncidentDataAdapter {
  listCalls: ListCall[];
  runCalls: RunCall[];
  decideCalls: DecideCall[];
}

/** Actions offered for a device: one destructive, two not. */
export const DEVICE_ACTIONS: ActionDescriptor[] = [
  { id: 'isolate', label: 'Isolate device', description: 'Cuts the device off the network.', destructive: true },
  { id: 'av-scan', label: 'Run antivirus scan' },
  { id: 'collect-package', label: 'Collect investigation package' },
];

/** Actions offered for a process or a file. */
export const FILE_ACTIONS: ActionDescriptor[] = [
  { id: 'stop-quarantine', label: 'Stop and quarantine file', destructive: true, requiresApproval: true },
];

/**
 * Lists the actions of the default script: device actions for a device, file actions for a
 * process or a file, none for other kinds. In the default script every action and decision
 * succeeds.
 */
export function actionsFor(target: EntityRef): ActionDescriptor[] {
  if (target.kind === 'device') return DEVICE_ACTIONS;
  if (target.kind === 'process' || target.kind === 'file') return FILE_ACTIONS;
  return [];
}

export function scriptedAdapter(snapshot: IncidentSnapshot, script: AdapterScript = {}): ScriptedAdapter {
  const listScript = script.actions ?? actionsFor;
  const runScript = script.run ?? ((): ActionResult => ({ status: 'succeeded' }));
  const decideScript = script.decide ?? ((): ActionResult => ({ status: 'succeeded' }));

  const adapter: ScriptedAdapter = {
    listCalls: [],
    runCalls: [],
    decideCalls: [],

    loadIncident: () => Promise.resolve(snapshot),

    listActions(target: EntityRef, options: AdapterCallOptions): Promise<ActionDescriptor[]> {
      return open<ActionDescriptor[], ListCall>(options.signal, { target }, adapter.listCalls, () => listScript(target));
    },

    runAction(request: ActionRequest, options: AdapterCallOptions): Promise<ActionResult> {
      return open<ActionResult, RunCall>(options.signal, { request }, adapter.runCalls, () => runScript(request));
    },

    decidePendingAction(
      pendingActionId: string,
      decision: PendingActionDecision,
      options: PendingDecisionOptions,
    ): Promise<ActionResult> {
      const fields = { pendingActionId, decision, idempotencyKey: options.idempotencyKey };
      return open<ActionResult, DecideCall>(options.signal, fields, adapter.decideCalls, () =>
        decideScript(pendingActionId, decision),
      );
    },
  };
  return adapter;
}

/**
 * Records a call and returns its promise. The script's result arrives on a later task, like a
 * network response. An abort rejects the promise with the signal's reason at once.
 */
function open<T, C extends RecordedCall<T>>(
  signal: AbortSignal,
  fields: Omit<C, keyof RecordedCall<T>>,
  calls: C[],
  answer: () => ScriptedAnswer<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const call = {
      ...fields,
      signal,
      settled: false,
      resolve(value: T) {
        if (call.settled) return;
        call.settled = true;
        resolve(value);
      },
      reject(error: unknown) {
        if (call.settled) return;
        call.settled = true;
        reject(error);
      },
    } as C;
    calls.push(call);

    if (signal.aborted) {
      call.reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', () => call.reject(signal.reason), { once: true });

    const scripted = answer();
    if (scripted === undefined) return;
    setTimeout(() => {
      if (scripted instanceof Error) call.reject(scripted);
      else call.resolve(scripted);
    });
  });
}

/** Creates a pending "stop and quarantine" on the fixture's process, waiting for approval. */
export function pendingQuarantine(): PendingAction {
  return {
    id: 'pa-quarantine-7424',
    action: 'Stop and quarantine file',
    entityId: FLYOUT_IDS.process,
    requestedBy: 'Automated investigation 12',
    requestedTime: Date.UTC(2026, 2, 14, 9, 8, 0),
    status: 'pending',
    investigationId: 'inv-12',
  };
}

/** Adds `pendingQuarantine()` to a snapshot and returns the snapshot. */
export function withPendingAction(snapshot: IncidentSnapshot): IncidentSnapshot {
  snapshot.pendingActions = [pendingQuarantine()];
  return snapshot;
}
