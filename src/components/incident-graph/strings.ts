/** Default strings of `il-incident-graph`, registered under `graph.*`. */

import { RELATION_TYPES } from '../../model/types.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { valueWords } from '../shared/value-words.js';

/**
 * Edge labels, which read along the drawn arrow: "powershell.exe runs on WS-01". A
 * `parentProcess` arrow points from the parent to the child (see `drawnReversed`), so its label
 * is the parent's act, "created", rather than the relation's name, which would read backwards.
 */
const RELATION_LABELS: Record<(typeof RELATION_TYPES)[number], string> = {
  parentProcess: 'created',
  imageFile: 'image file',
  runsOn: 'runs on',
  runsAs: 'runs as',
  loggedOn: 'logged on',
  hasIp: 'has IP',
  sentBy: 'sent by',
  sentTo: 'sent to',
  sentFrom: 'sent from',
  containsUrl: 'contains URL',
  attachment: 'attachment',
  clusterMember: 'cluster member',
  mailboxOf: 'mailbox of',
  communicatesWith: 'communicates with',
  resolvesTo: 'resolves to',
  valueOf: 'value of',
  memberOf: 'member of',
};

registerStrings({
  'graph.name': 'Incident graph: {alerts}, {entities}',
  'graph.alerts.one': '1 alert',
  'graph.alerts.other': '{count} alerts',
  'graph.entities.one': '1 entity',
  'graph.entities.other': '{count} entities',
  'graph.empty': 'No alerts or entities to show.',
  'graph.hint.wheel': 'Use Ctrl + scroll to zoom the graph',
  'graph.hint.wheelApple': 'Use ⌘ + scroll to zoom the graph',
  'graph.hint.touch': 'Use two fingers to move the graph',
  'graph.option.entity': '{kind}: {name}. {verdict}.',
  'graph.option.entityRemediation': '{kind}: {name}. {verdict}. {remediation}.',
  'graph.option.alert': '{kind}: {name}. {severity}.',
  'graph.ghost': 'Not evidence',
  'graph.tooltip.entity': '{kind} · {name} · {verdict}',
  'graph.tooltip.alert': '{kind} · {name} · {severity}',
  'graph.role.attacker': 'attacker',
  'graph.role.compromised': 'compromised',
  'graph.role.source': 'source',
  'graph.role.destination': 'destination',
  'graph.role.policyViolator': 'policy violator',
  ...Object.fromEntries(
    Object.entries(RELATION_LABELS).map(([type, label]) => [`graph.relation.${type}`, label]),
  ),
});

/** Returns "1 alert" or "N alerts", and the same for entities, with N in the locale of `format`. */
export function countLabel(area: 'alerts' | 'entities', count: number, format: LocaleFormat): string {
  return format.msg(count === 1 ? `graph.${area}.one` : `graph.${area}.other`, { count });
}

/**
 * Returns the label of an edge type. A type the table does not know is shown in words, so a
 * host's `injectsInto` reads "injects into".
 */
export function relationLabel(type: string): string {
  const key = `graph.relation.${type}`;
  const label = msg(key);
  return label === key ? valueWords(type) : label;
}

/**
 * Returns the label of an evidence edge: its roles joined by commas. The contextual role is left
 * out because most edges have it, so the label is empty when no other role remains. Unknown
 * roles are shown in words (see `valueWords`).
 */
export function evidenceLabel(roles: readonly string[]): string {
  return roles
    .filter((role) => role !== 'contextual')
    .map((role) => {
      const key = `graph.role.${role}`;
      const label = msg(key);
      return label === key ? valueWords(role) : label;
    })
    .join(', ');
}
