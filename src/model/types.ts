/**
 * The data contract of incident-lens: the snapshot of one incident that adapters return, and
 * the exact strings of its enumerations. Every layer may import this module, and it imports
 * nothing. Its names are public API.
 */

/** Milliseconds since the Unix epoch, UTC. */
export type EpochMs = number;

export const ENTITY_KINDS = [
  'device',
  'user',
  'mailbox',
  'mailMessage',
  'mailCluster',
  'file',
  'process',
  'ip',
  'url',
  'dnsName',
  'cloudApp',
  'oauthApp',
  'cloudResource',
  'registryKey',
  'registryValue',
  'securityGroup',
  'container',
  'other',
] as const;

/** Kind of an entity. `other` keeps the source's own type name in `properties.rawType`. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Verdicts, strongest first. Graph's `noThreatsFound` maps to `clean`. */
export const VERDICTS = ['malicious', 'suspicious', 'clean', 'unknown'] as const;

export type Verdict = (typeof VERDICTS)[number];

export const REMEDIATION_STATUSES = [
  'none',
  'pendingApproval',
  'running',
  'remediated',
  'partiallyRemediated',
  'prevented',
  'blocked',
  'declined',
  'unremediated',
  'notFound',
  'active',
  'failed',
] as const;

export type KnownRemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/** A known remediation status, or any other value kept as the source spelled it. */
export type RemediationStatus = KnownRemediationStatus | (string & {});

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'unknown'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Relation types that the mappers derive. Other formats may add their own strings. */
export const RELATION_TYPES = [
  'parentProcess',
  'imageFile',
  'runsOn',
  'runsAs',
  'loggedOn',
  'hasIp',
  'sentBy',
  'sentTo',
  'sentFrom',
  'containsUrl',
  'attachment',
  'clusterMember',
  'mailboxOf',
  'communicatesWith',
  'resolvesTo',
  'valueOf',
  'memberOf',
] as const;

export type KnownRelationType = (typeof RELATION_TYPES)[number];

export type RelationType = KnownRelationType | (string & {});

/** A comment left on an incident or an alert. */
export interface IncidentComment {
  comment: string;
  createdBy?: string;
  createdTime?: EpochMs;
}

/** The incident itself: what the analyst triages. */
export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  /** For example `active`, `inProgress`, `resolved`, `redirected`; kept as the source spelled it when unknown. */
  status: string;
  assignedTo?: string;
  classification?: string;
  determination?: string;
  /** Custom and system tags together, custom ones first. */
  tags: string[];
  description?: string;
  createdTime?: EpochMs;
  updatedTime?: EpochMs;
  webUrl?: string;
  /** Set when the source merged this incident into another one. */
  redirectIncidentId?: string;
  comments?: IncidentComment[];
}

/** One entry of an alert story's related events. */
export interface AlertStoryEvent {
  time?: EpochMs;
  title: string;
  entityIds?: string[];
}

/** The alert story: what happened, what was done about it, and the events around it. */
export interface AlertStory {
  whatHappened?: string;
  actionsTaken?: string[];
  relatedEvents?: AlertStoryEvent[];
}

/** The involvement of one entity in one alert: roles, verdict and remediation status. */
export interface AlertEvidence {
  entityId: string;
  /** Evidence roles, for example `compromised`, `attacker`, `contextual`. */
  roles: string[];
  /** Free-text roles from the source, for example "Main device". */
  detailedRoles?: string[];
  /** The verdict this alert gave the entity; absent when the source gives none. */
  verdict?: Verdict;
  remediationStatus?: RemediationStatus;
  remediationStatusDetails?: string;
  /** When the alert recorded this evidence. */
  createdTime?: EpochMs;
}

export interface Alert {
  id: string;
  title: string;
  severity: Severity;
  /** For example `new`, `inProgress`, `resolved`. */
  status: string;
  /** Kill-chain stage or MITRE ATT&CK tactic, for example `DefenseEvasion`. */
  category?: string;
  /** MITRE ATT&CK technique ids, for example `T1564.001`. */
  mitreTechniques: string[];
  serviceSource?: string;
  detectionSource?: string;
  firstActivityTime?: EpochMs;
  lastActivityTime?: EpochMs;
  createdTime?: EpochMs;
  description?: string;
  recommendedActions?: string;
  webUrl?: string;
  threatDisplayName?: string;
  threatFamilyName?: string;
  actorDisplayName?: string;
  assignedTo?: string;
  classification?: string;
  determination?: string;
  story?: AlertStory;
  /** The alerts that caused this one. */
  relatedAlertIds: string[];
  /** Reason the alert was linked to the incident. */
  linkReason?: string;
  evidence: AlertEvidence[];
}

/**
 * Well-known entity properties, by kind. Mappers write these names; the flyout reads them.
 * Everything else a source provides is kept under its own name.
 */
export interface DeviceProperties {
  deviceDnsName?: string;
  mdeDeviceId?: string;
  azureAdDeviceId?: string;
  osPlatform?: string;
  osBuild?: string;
  osVersion?: string;
  healthStatus?: string;
  riskScore?: string;
  exposureLevel?: string;
  onboardingStatus?: string;
  defenderAvStatus?: string;
  rbacGroupName?: string;
  ipInterfaces?: string[];
  loggedOnUsers?: string[];
  tags?: string[];
}

export interface UserProperties {
  accountName?: string;
  domainName?: string;
  userPrincipalName?: string;
  userSid?: string;
  azureAdUserId?: string;
}

export interface FileProperties {
  fileName?: string;
  filePath?: string;
  fileSize?: number;
  sha1?: string;
  sha256?: string;
  md5?: string;
  signer?: string;
  issuer?: string;
  filePublisher?: string;
  detectionStatus?: string;
}

export interface ProcessProperties {
  processId?: number;
  processCommandLine?: string;
  processCreationTime?: EpochMs;
  parentProcessId?: number;
  parentProcessCreationTime?: EpochMs;
  imageFileName?: string;
  imageFilePath?: string;
  accountName?: string;
  domainName?: string;
  detectionStatus?: string;
}

export interface MailMessageProperties {
  subject?: string;
  networkMessageId?: string;
  sender?: string;
  recipient?: string;
  senderIp?: string;
  deliveryAction?: string;
  deliveryLocation?: string;
  receivedTime?: EpochMs;
  urls?: string[];
  attachmentCount?: number;
  language?: string;
  threatDetectionMethods?: string[];
  threats?: string[];
}

/** Entity properties: the well-known ones of every kind, and anything else the source gave. */
export type EntityProperties = Record<string, unknown>;

export interface Entity {
  /** Stable id, built by the mapper from the source's keys. */
  id: string;
  kind: EntityKind;
  displayName: string;
  /** The strongest verdict the alerts give; absent when the source has no verdict at all. */
  verdict?: Verdict;
  /** The status that needs attention most; absent when the source gives none. */
  remediationStatus?: RemediationStatus;
  firstSeen?: EpochMs;
  webUrl?: string;
  /** True for a node that is named by other evidence but is not itself evidence (a "ghost" parent process). */
  ghost?: boolean;
  properties: EntityProperties;
}

export interface Relation {
  source: string;
  target: string;
  type: RelationType;
  firstSeen?: EpochMs;
}

export interface Investigation {
  id: string;
  state: string;
  startTime?: EpochMs;
  endTime?: EpochMs;
  alertIds: string[];
  entityIds: string[];
  pendingActionIds: string[];
}

export interface PendingAction {
  id: string;
  action: string;
  entityId: string;
  requestedBy?: string;
  requestedTime?: EpochMs;
  /** For example `pending`, `approved`, `rejected`, `running`, `completed`, `failed`. */
  status: string;
  investigationId?: string;
}

/** A problem found while mapping or validating: which record, which field, what is wrong. */
export interface DataIssue {
  /** Id of the record (incident, alert, entity or relation) the problem is in. */
  id: string;
  /** Path of the field inside that record, for example `evidence[2].processCreationDateTime`. */
  field: string;
  problem: string;
}

/** Everything known about one incident at one moment. */
export interface IncidentSnapshot {
  incident: Incident;
  alerts: Alert[];
  entities: Entity[];
  relations: Relation[];
  investigations?: Investigation[];
  pendingActions?: PendingAction[];
  issues: DataIssue[];
}

/** A change to an open incident: records to add or replace by id, and ids to remove. */
export interface IncidentPatch {
  incident?: Partial<Incident>;
  alerts?: Alert[];
  entities?: Entity[];
  relations?: Relation[];
  removedAlertIds?: string[];
  removedEntityIds?: string[];
  investigations?: Investigation[];
  pendingActions?: PendingAction[];
  issues?: DataIssue[];
}
