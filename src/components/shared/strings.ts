/**
 * The one table of user-visible strings. Each element registers its defaults under keys of the
 * form `<area>.<name>`. A host replaces any of them with `setStrings` before the elements
 * render, for another language or other wording. `msg` fills `{name}` placeholders.
 */

import {
  ENTITY_KINDS,
  REMEDIATION_STATUSES,
  SEVERITIES,
  VERDICTS,
  type EntityKind,
  type RemediationStatus,
  type Severity,
  type Verdict,
} from '../../model/types.js';

const defaults = new Map<string, string>();
const overrides = new Map<string, string>();

/** Adds default strings; keys already registered keep their first value. */
export function registerStrings(table: Record<string, string>): void {
  for (const [key, value] of Object.entries(table)) {
    if (!defaults.has(key)) defaults.set(key, value);
  }
}

/** Replaces strings by key, for every element. Pass `undefined` to restore a default. */
export function setStrings(table: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(table)) {
    if (value === undefined) overrides.delete(key);
    else overrides.set(key, value);
  }
}

/** Returns every string in effect, for a host that translates the whole table. */
export function getStrings(): Record<string, string> {
  const table: Record<string, string> = Object.fromEntries(defaults);
  for (const [key, value] of overrides) table[key] = value;
  return table;
}

/** Returns the string for `key` with `{name}` placeholders filled; an unknown key returns itself. */
export function msg(key: string, params?: Record<string, string | number>): string {
  const template = overrides.get(key) ?? defaults.get(key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const VERDICT_LABELS: Record<Verdict, string> = {
  malicious: 'Malicious',
  suspicious: 'Suspicious',
  clean: 'No threats found',
  unknown: 'Unknown',
};

const REMEDIATION_LABELS: Record<(typeof REMEDIATION_STATUSES)[number], string> = {
  none: 'No remediation',
  pendingApproval: 'Pending approval',
  running: 'Remediation running',
  remediated: 'Remediated',
  partiallyRemediated: 'Partially remediated',
  prevented: 'Prevented',
  blocked: 'Blocked',
  declined: 'Declined',
  unremediated: 'Unremediated',
  notFound: 'Not found',
  active: 'Active',
  failed: 'Remediation failed',
};

const KIND_LABELS: Record<EntityKind | 'alert', string> = {
  alert: 'Alert',
  device: 'Device',
  user: 'User',
  mailbox: 'Mailbox',
  mailMessage: 'Email message',
  mailCluster: 'Email cluster',
  file: 'File',
  process: 'Process',
  ip: 'IP address',
  url: 'URL',
  dnsName: 'DNS name',
  cloudApp: 'Cloud app',
  oauthApp: 'OAuth app',
  cloudResource: 'Cloud resource',
  registryKey: 'Registry key',
  registryValue: 'Registry value',
  securityGroup: 'Security group',
  container: 'Container',
  other: 'Other',
};

const SEVERITY_LABELS: Record<Severity, string> = {
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  unknown: 'Unknown severity',
};

registerStrings({
  'verdict.notProvided': 'Verdict not provided',
  'remediation.notProvided': 'Remediation not provided',
  ...prefixed('verdict', VERDICTS, VERDICT_LABELS),
  ...prefixed('remediation', REMEDIATION_STATUSES, REMEDIATION_LABELS),
  ...prefixed('kind', ['alert', ...ENTITY_KINDS] as const, KIND_LABELS),
  ...prefixed('severity', SEVERITIES, SEVERITY_LABELS),
});

function prefixed<K extends string>(
  area: string,
  keys: readonly K[],
  labels: Record<K, string>,
): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [`${area}.${key}`, labels[key]]));
}

/** Returns the label of a verdict, or "not provided" for an absent one. */
export function verdictLabel(verdict: Verdict | undefined): string {
  return verdict ? msg(`verdict.${verdict}`) : msg('verdict.notProvided');
}

/** Returns the label of a remediation status; a status this table does not know is shown as it came. */
export function remediationLabel(status: RemediationStatus | undefined): string {
  if (status === undefined) return msg('remediation.notProvided');
  const key = `remediation.${status}`;
  const label = msg(key);
  return label === key ? status : label;
}

export function kindLabel(kind: EntityKind | 'alert'): string {
  return msg(`kind.${kind}`);
}

export function severityLabel(severity: Severity): string {
  return msg(`severity.${severity}`);
}
