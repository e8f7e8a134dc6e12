/**
 * Sample incident written for incident-lens in the older shape of the published Microsoft
 * Graph examples: PascalCase enumerations (`High`, `TruePositive`, `Active`) and `tags` in place
 * of `customTags`. A cloud account is signed in to from an anonymising address, a forwarding
 * rule is added to its mailbox, and outbound phishing follows.
 *
 * Every name and id is invented; IP addresses are from the documentation ranges and domains are
 * example domains.
 */

import type { GraphPayload } from './contoso-phish-to-macro.js';

const TENANT = 'tid=00000000-0000-4000-8000-00000000c0de';

const jordanAccount = {
  accountName: 'jreyes',
  domainName: 'contoso.com',
  userSid: null,
  azureAdUserId: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5e7a',
  userPrincipalName: 'jordan.reyes@contoso.com',
  displayName: 'Jordan Reyes',
};

const common = { remediationStatusDetails: null, detailedRoles: [], tags: [] };

const jordan = {
  '@odata.type': '#microsoft.graph.security.userEvidence',
  ...common,
  verdict: 'Suspicious',
  remediationStatus: 'None',
  roles: ['Compromised'],
  userAccount: jordanAccount,
};

const anonymousIp = {
  '@odata.type': '#microsoft.graph.security.ipEvidence',
  ...common,
  verdict: 'Malicious',
  remediationStatus: 'None',
  roles: ['Attacker'],
  ipAddress: '203.0.113.190',
  countryLetterCode: 'ZZ',
};

const jordanMailbox = {
  '@odata.type': '#microsoft.graph.security.mailboxEvidence',
  ...common,
  verdict: 'Suspicious',
  remediationStatus: 'PendingApproval',
  roles: ['Compromised'],
  displayName: 'Jordan Reyes',
  primaryAddress: 'Jordan.Reyes@contoso.com',
  upn: 'jordan.reyes@contoso.com',
  userAccount: jordanAccount,
};

const alertBase = (id: string) => ({
  '@odata.type': '#microsoft.graph.security.alert',
  id,
  providerAlertId: id,
  incidentId: '48377',
  status: 'New',
  classification: 'TruePositive',
  determination: 'CompromisedAccount',
  tenantId: '00000000-0000-4000-8000-00000000c0de',
  assignedTo: null,
  alertWebUrl: `https://security.microsoft.com/alerts/${id}?${TENANT}`,
  incidentWebUrl: `https://security.microsoft.com/incidents/48377?${TENANT}`,
  actorDisplayName: null,
  threatDisplayName: null,
  threatFamilyName: null,
  resolvedDateTime: null,
  comments: [],
});

export const publishedShape: GraphPayload = {
  '@odata.type': '#microsoft.graph.incident',
  id: '48377',
  incidentWebUrl: `https://security.microsoft.com/incidents/48377?${TENANT}`,
  redirectIncidentId: null,
  tenantId: '00000000-0000-4000-8000-00000000c0de',
  displayName: 'Business email compromise: anonymous sign-in followed by an inbox forwarding rule',
  createdDateTime: '2026-04-21T14:05:11.2Z',
  lastUpdateDateTime: '2026-04-21T15:02:40.9Z',
  assignedTo: 'KaiC@contoso.com',
  classification: 'TruePositive',
  determination: 'CompromisedAccount',
  status: 'Active',
  severity: 'High',
  tags: ['BEC'],
  systemTags: ['Defender Experts'],
  comments: [
    { comment: 'Session revoked; waiting for approval to remove the forwarding rule.', createdBy: 'KaiC@contoso.com', createdTime: '2026-04-21T15:01:03Z' },
  ],
  description: 'A sign-in from an anonymising proxy was followed by a forwarding rule on the same mailbox and a burst of outbound phishing.',
  alerts: [
    {
      ...alertBase('ad5c0b3f-8e2a-4c61-9d7e-1f3a5c7e9b20'),
      title: 'Anonymous IP address',
      severity: 'Medium',
      category: 'InitialAccess',
      mitreTechniques: ['T1078.004'],
      serviceSource: 'AzureAdIdentityProtection',
      detectionSource: 'AzureAdIdentityProtection',
      detectorId: 'anonymizedIPAddress',
      description: 'A sign-in came from an anonymous IP address, such as a Tor exit node or an anonymising VPN.',
      recommendedActions: 'Confirm the sign-in with the user and revoke their sessions if they did not sign in.',
      createdDateTime: '2026-04-21T14:05:11.2Z',
      lastUpdateDateTime: '2026-04-21T14:06:00Z',
      firstActivityDateTime: '2026-04-21T14:01:47Z',
      lastActivityDateTime: '2026-04-21T14:01:47Z',
      evidence: [jordan, anonymousIp],
    },
    {
      ...alertBase('fa2b9e4d-71c3-4a58-b0e6-3c5e7a9b1d42'),
      title: 'Suspicious inbox forwarding rule',
      severity: 'High',
      category: 'Collection',
      mitreTechniques: ['T1114.003'],
      serviceSource: 'MicrosoftDefenderForCloudApps',
      detectionSource: 'MicrosoftDefenderForCloudApps',
      detectorId: 'ForwardingRule',
      description: 'A rule forwarding every message to an external address was added to the mailbox.',
      recommendedActions: 'Remove the rule and review what was forwarded since it was created.',
      createdDateTime: '2026-04-21T14:20:30Z',
      lastUpdateDateTime: '2026-04-21T15:02:40.9Z',
      firstActivityDateTime: '2026-04-21T14:14:09Z',
      lastActivityDateTime: '2026-04-21T14:14:09Z',
      evidence: [
        jordan,
        { ...anonymousIp, roles: ['Source'] },
        jordanMailbox,
        {
          '@odata.type': '#microsoft.graph.security.cloudApplicationEvidence',
          ...common,
          verdict: 'Unknown',
          remediationStatus: 'None',
          roles: ['Contextual'],
          appId: 20893,
          displayName: 'Microsoft Exchange Online',
          instanceId: 0,
          instanceName: 'Microsoft Exchange Online',
          saasAppId: 20893,
        },
      ],
    },
    {
      ...alertBase('0b7d3f1a-5c9e-4b2d-8f6a-2e4c6a8e0c13'),
      title: 'Suspicious email sending patterns detected',
      severity: 'Medium',
      category: 'LateralMovement',
      mitreTechniques: ['T1534'],
      serviceSource: 'MicrosoftDefenderForOffice365',
      detectionSource: 'MicrosoftDefenderForOffice365',
      detectorId: 'OutboundPhish',
      description: 'The mailbox sent many messages with the same subject to external recipients within minutes.',
      recommendedActions: 'Block the sender from sending, and tell the recipients that the messages are phishing.',
      createdDateTime: '2026-04-21T14:41:00Z',
      lastUpdateDateTime: '2026-04-21T14:45:00Z',
      firstActivityDateTime: '2026-04-21T14:33:25Z',
      lastActivityDateTime: '2026-04-21T14:38:51Z',
      evidence: [
        { ...jordanMailbox, remediationStatus: 'Blocked', roles: ['Attacker'] },
        {
          '@odata.type': '#microsoft.graph.security.analyzedMessageEvidence',
          ...common,
          verdict: 'Malicious',
          remediationStatus: 'NotFound',
          roles: [],
          antiSpamDirection: 'Outbound',
          attachmentsCount: 0,
          deliveryAction: 'Delivered',
          deliveryLocation: 'External',
          internetMessageId: '<b7e1.48377@contoso.com>',
          language: 'en',
          networkMessageId: '7a9c1e3f-5b7d-4f9a-8c1e-3f5b7d9a1c3e',
          p1Sender: { displayName: 'Jordan Reyes', domainName: 'contoso.com', emailAddress: 'jordan.reyes@contoso.com' },
          p2Sender: { displayName: 'Jordan Reyes', domainName: 'contoso.com', emailAddress: 'jordan.reyes@contoso.com' },
          receivedDateTime: '2026-04-21T14:33:25Z',
          recipientEmailAddress: 'ap@fabrikam.example',
          senderIp: '203.0.113.190',
          subject: 'Updated bank details for April payments',
          threatDetectionMethods: [],
          threats: ['Phish'],
          urlCount: 1,
          urls: ['https://contoso-payments.fabrikam.example/update'],
          urn: 'urn:MailEntity:7a9c1e3f5b7d4f9a8c1e3f5b7d9a1c3e',
        },
        {
          '@odata.type': '#microsoft.graph.security.mailClusterEvidence',
          ...common,
          verdict: 'Malicious',
          remediationStatus: 'None',
          roles: [],
          clusterBy: 'Subject',
          clusterByValue: 'Updated bank details for April payments',
          emailCount: 37,
          networkMessageIds: ['7a9c1e3f-5b7d-4f9a-8c1e-3f5b7d9a1c3e'],
          query: 'Subject:"Updated bank details for April payments" AND SenderIp:203.0.113.190',
          threats: ['Phish'],
          urn: 'urn:MailClusterEntity:48377',
        },
        {
          '@odata.type': '#microsoft.graph.security.urlEvidence',
          ...common,
          verdict: 'Malicious',
          remediationStatus: 'Blocked',
          roles: [],
          url: 'https://contoso-payments.fabrikam.example/update',
        },
      ],
    },
  ],
};

export default publishedShape;
