/**
 * Incidents of three sizes for the stories of the asset, investigation, evidence and filter
 * elements, each with pending actions and automated investigations. An in-memory adapter
 * approves, rejects, runs bulk actions and lists investigations after a short delay.
 */

import type {
  ActionDescriptor,
  ActionResult,
  AdapterCallOptions,
  AutomatedInvestigation,
  BulkActionRequest,
  BulkActionResult,
  EntityRef,
  IncidentDataAdapter,
} from '../src/adapter/adapter.js';
import { fromMicrosoftGraph } from '../src/formats/index.js';
import type { IncidentSnapshot, PendingAction } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import { sampleIncidents } from '../demo/samples/index.js';
import { generateIncidentSnapshot } from '../test/fixtures/generated-incident.js';
import { viewSnapshot } from '../test/fixtures/view-snapshot.js';

export type ListIncidentSize = 'small' | 'typical' | 'large';

const PENDING_ACTIONS = ['Isolate device', 'Quarantine file', 'Disable user', 'Soft delete e-mail', 'Block URL'];

/** Adds pending actions on every fifth entity (at most 40) and two investigations over the first alerts. */
function withResponse(snapshot: IncidentSnapshot): IncidentSnapshot {
  const targets = snapshot.entities.filter((_entity, index) => index % 5 === 0).slice(0, 40);
  const pendingActions: PendingAction[] = targets.map((entity, index) => ({
    id: `pa-${index + 1}`,
    action: PENDING_ACTIONS[index % PENDING_ACTIONS.length]!,
    entityId: entity.id,
    requestedBy: 'Automated investigation 1',
    requestedTime: entity.firstSeen,
    status: 'pending',
    investigationId: 'inv-1',
  }));

  const [first, second] = snapshot.alerts;
  const entitiesOf = (alertId: string | undefined): string[] =>
    snapshot.alerts.find((alert) => alert.id === alertId)?.evidence.map((evidence) => evidence.entityId) ?? [];
  const investigations = [
    {
      id: 'inv-1',
      state: 'pendingApproval',
      startTime: first?.firstActivityTime,
      alertIds: first ? [first.id] : [],
      entityIds: entitiesOf(first?.id),
      pendingActionIds: pendingActions.map((action) => action.id),
    },
    {
      id: 'inv-2',
      state: 'successfullyRemediated',
      startTime: second?.firstActivityTime,
      endTime: second?.lastActivityTime,
      alertIds: second ? [second.id] : [],
      entityIds: entitiesOf(second?.id),
      pendingActionIds: [],
    },
  ];
  return { ...snapshot, pendingActions, investigations };
}

const cache = new Map<ListIncidentSize, IncidentSnapshot>();

/** Returns the snapshot of one size, built once per page. */
export function listSnapshotOfSize(size: ListIncidentSize): IncidentSnapshot {
  let snapshot = cache.get(size);
  if (!snapshot) {
    if (size === 'small') snapshot = withResponse(viewSnapshot('small-1'));
    else if (size === 'typical') snapshot = withResponse(fromMicrosoftGraph(sampleIncidents[0])[0]!);
    else snapshot = withResponse(generateIncidentSnapshot({ entityCount: 3000, seed: 7 }));
    cache.set(size, snapshot);
  }
  return snapshot;
}

/** Returns a new ready session on the snapshot of one size, so stories share no state. */
export function listSessionOfSize(size: ListIncidentSize): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(listSnapshotOfSize(size));
  return session;
}

/** Resolves after `ms` milliseconds, or rejects as soon as the signal aborts. */
function delay(ms: number, { signal }: AdapterCallOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

const BULK_ACTIONS: ActionDescriptor[] = [
  { id: 'export', label: 'Export' },
  { id: 'tag', label: 'Add tag' },
  { id: 'investigate', label: 'Start automated investigation' },
];

const DEVICE_BULK_ACTIONS: ActionDescriptor[] = [
  { id: 'isolate', label: 'Isolate devices', destructive: true, description: 'Cuts the devices off the network.' },
];

/**
 * Returns an adapter for the snapshot that offers every optional capability the lists use.
 * `failing` makes every decision and bulk action fail, for the error states.
 */
export function listStoryAdapter(snapshot: IncidentSnapshot, options: { failing?: boolean } = {}): IncidentDataAdapter {
  const investigations: AutomatedInvestigation[] = (snapshot.investigations ?? []).map((investigation, index) => ({
    ...investigation,
    name: `Automated investigation ${index + 1}`,
    actionsTaken: [
      { action: 'Collected investigation package', time: investigation.startTime, actor: 'Automation', status: 'completed' },
      { action: 'Ran a full antivirus scan', time: investigation.startTime, entityId: investigation.entityIds[0], actor: 'Automation', status: 'completed' },
      ...(investigation.endTime ? [{ action: 'Remediated the threats found', time: investigation.endTime, actor: 'Automation', status: 'completed' }] : []),
    ],
  }));

  return {
    loadIncident: async () => snapshot,
    async decidePendingAction(_id, decision, callOptions): Promise<ActionResult> {
      await delay(600, callOptions);
      if (options.failing) return { status: 'failed', message: 'The service rejected the decision: the action expired.' };
      return { status: 'succeeded', remediationStatus: decision === 'approve' ? 'running' : 'declined' };
    },
    async listBulkActions(targets: EntityRef[], callOptions): Promise<ActionDescriptor[]> {
      await delay(150, callOptions);
      const devicesOnly = targets.every((target) => target.kind === 'device');
      return devicesOnly ? [...BULK_ACTIONS, ...DEVICE_BULK_ACTIONS] : BULK_ACTIONS;
    },
    async runBulkAction(request: BulkActionRequest, callOptions): Promise<BulkActionResult> {
      await delay(800, callOptions);
      if (options.failing) return { status: 'failed', message: 'The service is unavailable. Try again later.' };
      if (request.actionId !== 'isolate') return { status: 'succeeded' };
      return {
        status: 'running',
        results: request.targets.map((target) => ({ entityId: target.entityId, status: 'running', remediationStatus: 'running' })),
      };
    },
    async listInvestigations(_incidentId, callOptions): Promise<AutomatedInvestigation[]> {
      await delay(300, callOptions);
      return investigations;
    },
  };
}
