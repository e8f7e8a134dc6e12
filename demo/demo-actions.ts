/**
 * The demo's response actions: what the demo adapter offers per entity kind, named as in
 * Microsoft Defender XDR, and what running one does to the incident. Nothing here reaches a
 * real service. Each outcome is a pure function of the snapshot, so the demo behaves the same
 * on every run.
 */

import type { ActionDescriptor, ActionResult } from '../src/adapter/adapter.js';
import type { Entity, EntityKind, IncidentPatch, IncidentSnapshot, PendingAction, RemediationStatus } from '../src/model/types.js';

/** One offered action and what it does when it runs. */
interface DemoAction extends ActionDescriptor {
  /** Remediation status the target gets when the action succeeds, if it changes one. */
  remediates?: RemediationStatus;
  /** Entity properties the action sets, for example a device's isolation status. */
  sets?: Record<string, string>;
  /** The action starts and finishes later, so the result is `running`. */
  starts?: boolean;
  /** Returns the text shown after the action, for the target's name. */
  done: (name: string) => string;
  /** The reason the demo rejects the call, for the action that shows the error state. */
  rejects?: string;
}

/** Device property that `isolate-device` and `release-device` set. */
export const ISOLATION_PROPERTY = 'isolationStatus';

const DEVICE_ACTIONS: DemoAction[] = [
  {
    id: 'isolate-device',
    label: 'Isolate device',
    description: 'Cuts the device off the network. Only the Defender for Endpoint service can still reach it.',
    destructive: true,
    sets: { [ISOLATION_PROPERTY]: 'Isolated' },
    done: (name) => `${name} is isolated from the network.`,
  },
  {
    id: 'release-device',
    label: 'Release from isolation',
    description: 'Connects an isolated device to the network again.',
    sets: { [ISOLATION_PROPERTY]: 'Not isolated' },
    done: (name) => `${name} is connected to the network again.`,
  },
  {
    id: 'restrict-app-execution',
    label: 'Restrict app execution',
    description: 'Lets only Microsoft-signed programs run. A second analyst approves it in the Pending actions below.',
    requiresApproval: true,
    done: (name) => `Restricting app execution on ${name} waits for approval under Pending actions.`,
  },
  {
    id: 'run-antivirus-scan',
    label: 'Run antivirus scan',
    description: 'Starts a Microsoft Defender Antivirus quick scan.',
    starts: true,
    done: (name) => `Quick scan started on ${name}. Detections appear as new alerts.`,
  },
  {
    id: 'collect-investigation-package',
    label: 'Collect investigation package',
    description: 'Collects autoruns, processes, network connections and event logs from the device.',
    done: (name) => `Investigation package collected from ${name}. The demo creates no file to download.`,
  },
  {
    id: 'live-response',
    label: 'Initiate live response session',
    description: 'Opens a remote shell on the device. This demo tenant has it turned off, so the call fails.',
    rejects:
      'Live response is turned off for this demo tenant. Turn it on under Settings > Endpoints > Advanced features, then retry.',
    done: (name) => `Live response session opened on ${name}.`,
  },
];

const USER_ACTIONS: DemoAction[] = [
  {
    id: 'disable-user',
    label: 'Disable user',
    description: 'Disables the account in Active Directory and Microsoft Entra ID, so it can no longer sign in.',
    destructive: true,
    remediates: 'remediated',
    sets: { accountStatus: 'Disabled' },
    done: (name) => `The account of ${name} is disabled.`,
  },
  {
    id: 'revoke-sessions',
    label: 'Revoke all sign-in sessions',
    description: 'Signs the user out of every session and app, so a stolen token stops working.',
    destructive: true,
    done: (name) => `Every sign-in session of ${name} is revoked.`,
  },
  {
    id: 'require-password-reset',
    label: 'Require password reset',
    description: 'Makes the user choose a new password at the next sign-in.',
    done: (name) => `${name} must choose a new password at the next sign-in.`,
  },
  {
    id: 'confirm-compromised',
    label: 'Confirm user compromised',
    description: 'Raises the user risk to high in Microsoft Entra ID Protection. Not licensed in this demo, so the call fails.',
    rejects: 'Microsoft Entra ID Protection is not licensed for this demo tenant. It needs Microsoft Entra ID P2.',
    done: (name) => `${name} is confirmed compromised.`,
  },
];

const FILE_ACTIONS: DemoAction[] = [
  {
    id: 'quarantine-file',
    label: 'Quarantine file',
    description: 'Stops the processes running the file and moves it to quarantine on every device that has it.',
    destructive: true,
    remediates: 'remediated',
    done: (name) => `${name} is quarantined on every device that has it.`,
  },
  {
    id: 'block-file',
    label: 'Add indicator: block and remediate',
    description: "Adds the file's SHA256 to the tenant's indicators, so every device blocks it.",
    remediates: 'blocked',
    done: (name) => `${name} is blocked on every device by a file indicator.`,
  },
  {
    id: 'deep-analysis',
    label: 'Submit for deep analysis',
    description: 'Runs the file in a sandbox. The demo has no sample of the file, so the call fails.',
    rejects: 'No onboarded device can provide a sample of this file, so deep analysis cannot start. Collect the file first.',
    done: (name) => `${name} is submitted for deep analysis.`,
  },
];

const PROCESS_ACTIONS: DemoAction[] = [
  {
    id: 'stop-and-quarantine',
    label: 'Stop and quarantine file',
    description: 'Stops the process and quarantines its image file.',
    destructive: true,
    remediates: 'remediated',
    done: (name) => `${name} is stopped and its file quarantined.`,
  },
];

/** Returns the block action of an indicator kind: IP address, URL or domain. */
function blockIndicator(indicator: string): DemoAction {
  return {
    id: 'block-indicator',
    label: `Block ${indicator}`,
    description: `Adds the ${indicator} to the tenant's indicators, so devices and mail flow block it.`,
    destructive: true,
    remediates: 'blocked',
    done: (name) => `${name} is blocked by an indicator.`,
  };
}

const MAIL_ACTIONS: DemoAction[] = [
  {
    id: 'soft-delete',
    label: 'Soft delete email',
    description: "Moves the incident's messages to the Recoverable Items folder, where the user no longer sees them.",
    destructive: true,
    remediates: 'remediated',
    done: (name) => `The incident's messages of ${name} are soft deleted.`,
  },
  {
    id: 'move-to-junk',
    label: 'Move to Junk Email folder',
    description: "Moves the incident's messages to the Junk Email folder.",
    remediates: 'remediated',
    done: (name) => `The incident's messages of ${name} are in the Junk Email folder.`,
  },
];

const CLUSTER_ACTIONS: DemoAction[] = [
  {
    id: 'soft-delete-cluster',
    label: 'Soft delete the messages of the cluster',
    description: 'Soft deletes every message of the cluster in every mailbox. Waits for approval, as automated investigations do.',
    requiresApproval: true,
    done: () => 'Soft deleting the messages of the cluster waits for approval under Pending actions.',
  },
];

const APP_ACTIONS: DemoAction[] = [
  {
    id: 'mark-unsanctioned',
    label: 'Mark app as unsanctioned',
    description: 'Blocks the app for every user through Defender for Cloud Apps.',
    destructive: true,
    remediates: 'blocked',
    done: (name) => `${name} is unsanctioned and blocked for every user.`,
  },
];

const REGISTRY_VALUE_ACTIONS: DemoAction[] = [
  {
    id: 'delete-registry-value',
    label: 'Delete registry value',
    description: 'Deletes the value, so the program it names no longer starts on its own.',
    destructive: true,
    remediates: 'remediated',
    done: (name) => `The registry value ${name} is deleted.`,
  },
];

/** The actions by entity kind. Kinds not listed get none, so the flyout shows its empty state. */
const ACTIONS_BY_KIND: Partial<Record<EntityKind, readonly DemoAction[]>> = {
  device: DEVICE_ACTIONS,
  user: USER_ACTIONS,
  file: FILE_ACTIONS,
  process: PROCESS_ACTIONS,
  ip: [blockIndicator('IP address')],
  url: [blockIndicator('URL')],
  dnsName: [blockIndicator('domain')],
  mailbox: MAIL_ACTIONS,
  mailMessage: MAIL_ACTIONS,
  mailCluster: CLUSTER_ACTIONS,
  cloudApp: APP_ACTIONS,
  oauthApp: APP_ACTIONS,
  registryValue: REGISTRY_VALUE_ACTIONS,
};

/**
 * Returns the actions offered for an entity. A ghost entity (named by other evidence, not
 * evidence itself) gets none, and a device gets "Isolate device" or "Release from isolation"
 * by its isolation status.
 */
export function demoActionsFor(entity: Entity): ActionDescriptor[] {
  if (entity.ghost === true) return [];
  const isolated = entity.properties[ISOLATION_PROPERTY] === 'Isolated';
  return (ACTIONS_BY_KIND[entity.kind] ?? [])
    .filter((action) => (action.id === 'isolate-device' ? !isolated : action.id !== 'release-device' || isolated))
    .map(({ id, label, description, destructive, requiresApproval }) => ({ id, label, description, destructive, requiresApproval }));
}

/** The effect of running an action: the result for the analyst and the live update, if any. */
export interface ActionOutcome {
  result: ActionResult;
  patch?: IncidentPatch;
}

/** Remediation statuses after which remediating again changes nothing. */
const FINAL_STATUSES = new Set<RemediationStatus>(['remediated', 'blocked', 'prevented']);

/**
 * Returns the outcome of running `actionId` on `entity`, or throws an `Error` with the reason
 * for the action that always fails. `sequence` numbers the pending actions this demo creates.
 */
export function runDemoAction(snapshot: IncidentSnapshot, entity: Entity, actionId: string, sequence: number): ActionOutcome {
  const action = (ACTIONS_BY_KIND[entity.kind] ?? []).find((candidate) => candidate.id === actionId);
  if (action === undefined) {
    const offered = (ACTIONS_BY_KIND[entity.kind] ?? []).map((candidate) => JSON.stringify(candidate.id)).join(', ') || '(none)';
    throw new Error(
      `Demo adapter: action ${JSON.stringify(actionId)} is not offered for ${entity.kind} ${JSON.stringify(entity.id)}. Offered: ${offered}.`,
    );
  }
  if (action.rejects !== undefined) throw new Error(action.rejects);

  const name = entity.displayName;
  const waiting = (snapshot.pendingActions ?? []).find((pending) => pending.entityId === entity.id && pending.status === 'pending');
  if (action.remediates !== undefined || action.requiresApproval) {
    if (waiting !== undefined) {
      return failed(`"${waiting.action}" on ${name} already waits for approval. Approve or reject it under Pending actions.`);
    }
    if (entity.remediationStatus !== undefined && FINAL_STATUSES.has(entity.remediationStatus)) {
      return failed(`${name} is already ${entity.remediationStatus}. Nothing was changed.`);
    }
  }
  if (action.sets !== undefined && Object.entries(action.sets).every(([key, value]) => entity.properties[key] === value)) {
    return failed(`${name} is already in that state. Nothing was changed.`);
  }

  if (action.requiresApproval) return requestApproval(snapshot, entity, action, sequence);

  const remediationStatus = action.remediates;
  const changed: Entity = {
    ...entity,
    ...(remediationStatus === undefined ? {} : { remediationStatus }),
    properties: { ...entity.properties, ...action.sets },
  };
  const result: ActionResult = { status: action.starts ? 'running' : 'succeeded', message: action.done(name) };
  if (remediationStatus !== undefined) result.remediationStatus = remediationStatus;
  const patch = remediationStatus !== undefined || action.sets !== undefined ? { entities: [changed] } : undefined;
  return patch === undefined ? { result } : { result, patch };
}

/** Returns the outcome of an action that needs approval: a new pending action for `decidePendingAction`. */
function requestApproval(snapshot: IncidentSnapshot, entity: Entity, action: DemoAction, sequence: number): ActionOutcome {
  const pendingAction: PendingAction = {
    id: `pending-${snapshot.incident.id}-demo-${sequence}`,
    action: action.label,
    entityId: entity.id,
    requestedBy: 'You (demo analyst)',
    requestedTime: latestActivity(snapshot),
    status: 'pending',
  };
  return {
    result: {
      status: 'pending',
      message: action.done(entity.displayName),
      remediationStatus: 'pendingApproval',
      pendingActionId: pendingAction.id,
    },
    patch: { pendingActions: [pendingAction], entities: [{ ...entity, remediationStatus: 'pendingApproval' }] },
  };
}

function failed(message: string): ActionOutcome {
  return { result: { status: 'failed', message } };
}

/**
 * Returns the incident's latest activity time, the demo's stand-in for "now" so that every run
 * gives the same times. Falls back to the epoch for an incident without times.
 */
export function latestActivity(snapshot: IncidentSnapshot): number {
  let latest = 0;
  for (const alert of snapshot.alerts) {
    for (const time of [alert.firstActivityTime, alert.lastActivityTime, alert.createdTime]) {
      if (time !== undefined && time > latest) latest = time;
    }
  }
  return latest;
}
