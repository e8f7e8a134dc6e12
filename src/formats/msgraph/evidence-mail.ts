/** Mappers for mail evidence: mailboxes, analysed messages, mail clusters and URLs. */

import { parseTimeField } from '../../model/time.js';
import type { Entity } from '../../model/types.js';
import { entityFrom, keyOrFallback, type EvidenceContext, type EvidenceMapper } from './evidence-common.js';
import { mailboxKey, urlKey } from './keys.js';
import { accountProperties } from './evidence-endpoint.js';
import { asRecord, hashText, readNumber, readString, readStringArray, type JsonRecord } from './read.js';

function mapMailbox(raw: JsonRecord, context: EvidenceContext): Entity {
  const address = readString(raw.primaryAddress) ?? readString(raw.upn);
  const id = keyOrFallback(mailboxKey(address), 'mailbox', 'primaryAddress', context);
  const account = asRecord(raw.userAccount);
  return entityFrom(
    id,
    'mailbox',
    readString(raw.displayName) ?? address ?? 'Unnamed mailbox',
    raw,
    {
      primaryAddress: readString(raw.primaryAddress),
      upn: readString(raw.upn),
      ...(account ? prefixKeys('user', accountProperties(account)) : {}),
    },
    ['userAccount'],
  );
}

/** `{ accountName }` with prefix `user` gives `{ userAccountName }`. */
function prefixKeys(prefix: string, record: JsonRecord): JsonRecord {
  const result: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) {
    result[`${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`] = value;
  }
  return result;
}

/** Returns the e-mail address of a Graph `emailSender` object. */
export function senderAddress(sender: unknown): string | undefined {
  return readString(asRecord(sender)?.emailAddress);
}

function mapAnalyzedMessage(raw: JsonRecord, context: EvidenceContext): Entity {
  const { alertId, path, issues } = context;
  const networkMessageId = readString(raw.networkMessageId);
  const recipient = readString(raw.recipientEmailAddress);

  // NOTE: Graph gives one message item per recipient, with the same networkMessageId, so the
  // recipient is part of the id.
  const identifier =
    networkMessageId === undefined
      ? undefined
      : `mailMessage:${networkMessageId.toLowerCase()}${recipient ? `:${recipient.toLowerCase()}` : ''}`;
  const id = keyOrFallback(identifier, 'mailMessage', 'networkMessageId', context);

  const receivedTime = parseTimeField(raw.receivedDateTime, issues, alertId, `${path}.receivedDateTime`);
  const entity = entityFrom(
    id,
    'mailMessage',
    readString(raw.subject) ?? '(no subject)',
    raw,
    {
      subject: readString(raw.subject),
      networkMessageId,
      sender: senderAddress(raw.p1Sender) ?? senderAddress(raw.p2Sender),
      recipient,
      senderIp: readString(raw.senderIp),
      deliveryAction: readString(raw.deliveryAction),
      deliveryLocation: readString(raw.deliveryLocation),
      receivedTime,
      urls: readStringArray(raw.urls),
      attachmentCount: readNumber(raw.attachmentsCount),
      language: readString(raw.language),
      threatDetectionMethods: readStringArray(raw.threatDetectionMethods),
      threats: readStringArray(raw.threats),
    },
    ['receivedDateTime', 'recipientEmailAddress', 'attachmentsCount'],
  );
  if (receivedTime !== undefined) entity.firstSeen = receivedTime;
  return entity;
}

function mapMailCluster(raw: JsonRecord, context: EvidenceContext): Entity {
  const clusterBy = readString(raw.clusterBy);
  const clusterByValue = readString(raw.clusterByValue);
  const query = readString(raw.query);

  let identifier: string | undefined;
  if (clusterBy !== undefined && clusterByValue !== undefined) {
    identifier = `mailCluster:${clusterBy.toLowerCase()}:${clusterByValue.toLowerCase()}`;
  } else if (query !== undefined) {
    identifier = `mailCluster:query:${hashText(query)}`;
  }
  const id = keyOrFallback(identifier, 'mailCluster', 'clusterByValue', context);

  const name = clusterBy && clusterByValue ? `${clusterBy}: ${clusterByValue}` : (clusterBy ?? 'Mail cluster');
  return entityFrom(id, 'mailCluster', name, raw, {
    clusterBy,
    clusterByValue,
    emailCount: readNumber(raw.emailCount),
    networkMessageIds: readStringArray(raw.networkMessageIds),
    query,
  });
}

function mapUrl(raw: JsonRecord, context: EvidenceContext): Entity {
  const id = keyOrFallback(urlKey(raw.url), 'url', 'url', context);
  return entityFrom(id, 'url', readString(raw.url) ?? 'Unknown URL', raw, { url: readString(raw.url) });
}

export const MAIL_EVIDENCE_MAPPERS: Readonly<Record<string, EvidenceMapper>> = {
  mailboxEvidence: mapMailbox,
  analyzedMessageEvidence: mapAnalyzedMessage,
  mailClusterEvidence: mapMailCluster,
  urlEvidence: mapUrl,
};
