/**
 * Sample incident written for incident-lens, in which the graph forms groups. A phishing
 * campaign sends fourteen sales staff a link to a fake shared price list, and one of them clicks
 * it. Within the hour her stolen credentials run PsExec from her workstation against the file
 * server, where a ransomware payload encrypts the sales share.
 *
 * Two alerts involve many entities of one kind that no other alert involves. The campaign alert
 * lists one tracking URL per recipient, and the ransomware alert lists every file it encrypted,
 * so the graph draws "13 URLs" and "17 files" as group nodes. The URL that was clicked belongs
 * to the click alert too and stays a node of its own, as do the payload's image file and the
 * message that reached the user who clicked.
 *
 * The payload has the shape of a Microsoft Graph `GET /security/incidents/{id}?$expand=alerts`
 * response, like the other samples. Every name, id and hash is invented. IP addresses are from
 * the documentation ranges and domains are example domains.
 */

import type { GraphPayload } from './contoso-phish-to-macro.js';

const TENANT = 'tid=00000000-0000-4000-8000-00000000c0de';
const INCIDENT_ID = '48561';
const WORKSTATION_ID = '7c2e9a41d05b3f86e1a4c7d20b9f5e38a6d1c402';
const FILE_SERVER_ID = 'b81f04d9c3e6a2750d4b8e1f6c9a3d7e05b2f918';

/**
 * Returns `length` hexadecimal digits derived from `seed` by an FNV-1a hash chain, so that the
 * invented hashes of the sample are the same on every load and distinct per seed.
 */
function inventedHash(seed: string, length: number): string {
  let digits = '';
  let state = 0x811c9dc5;
  for (let round = 0; digits.length < length; round++) {
    for (const character of `${seed}#${round}`) {
      state ^= character.charCodeAt(0);
      state = Math.imul(state, 0x01000193) >>> 0;
    }
    digits += state.toString(16).padStart(8, '0');
  }
  return digits.slice(0, length);
}

const common = { remediationStatusDetails: null, detailedRoles: [], tags: [] };

const priyaAccount = {
  accountName: 'pnair',
  domainName: 'CONTOSO',
  userSid: 'S-1-5-21-1004336348-1177238915-682003330-2261',
  azureAdUserId: '3d8f1a6c-2b4e-4c7d-9a0f-5e1b7c3d9f2a',
  userPrincipalName: 'priya.nair@contoso.com',
  displayName: 'Priya Nair',
};

const priyaUser = {
  '@odata.type': '#microsoft.graph.security.userEvidence',
  ...common,
  verdict: 'suspicious',
  remediationStatus: 'none',
  roles: ['compromised'],
  userAccount: priyaAccount,
};

const priyaMailbox = {
  '@odata.type': '#microsoft.graph.security.mailboxEvidence',
  ...common,
  verdict: 'unknown',
  remediationStatus: 'none',
  roles: ['destination'],
  displayName: 'Priya Nair',
  primaryAddress: 'priya.nair@contoso.com',
  upn: 'priya.nair@contoso.com',
  userAccount: priyaAccount,
};

const workstation = {
  '@odata.type': '#microsoft.graph.security.deviceEvidence',
  ...common,
  verdict: 'suspicious',
  remediationStatus: 'none',
  roles: ['compromised'],
  detailedRoles: ['Source of the remote execution'],
  firstSeenDateTime: '2025-09-14T07:42:18.5Z',
  mdeDeviceId: WORKSTATION_ID,
  azureAdDeviceId: '0e4a7c1d-9b3f-4e6a-8d2c-5f1b9e7a3c60',
  deviceDnsName: 'ws-117.contoso.com',
  osPlatform: 'Windows11',
  osBuild: 26100,
  version: '24H2',
  healthStatus: 'active',
  riskScore: 'high',
  rbacGroupId: 14,
  rbacGroupName: 'Sales workstations',
  onboardingStatus: 'onboarded',
  defenderAvStatus: 'updated',
  ipInterfaces: ['192.0.2.117'],
  loggedOnUsers: [{ accountName: 'pnair', domainName: 'CONTOSO' }],
  vmMetadata: null,
};

const fileServer = {
  '@odata.type': '#microsoft.graph.security.deviceEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'remediated',
  remediationStatusDetails: 'Device isolated from the network',
  roles: ['compromised'],
  detailedRoles: ['Encrypted device'],
  firstSeenDateTime: '2024-02-03T10:15:40.25Z',
  mdeDeviceId: FILE_SERVER_ID,
  azureAdDeviceId: null,
  deviceDnsName: 'fs-01.contoso.com',
  osPlatform: 'WindowsServer2022',
  osBuild: 20348,
  version: '21H2',
  healthStatus: 'active',
  riskScore: 'high',
  rbacGroupId: 3,
  rbacGroupName: 'File servers',
  onboardingStatus: 'onboarded',
  defenderAvStatus: 'updated',
  ipInterfaces: ['192.0.2.20'],
  loggedOnUsers: [],
  vmMetadata: null,
};

const senderMailbox = {
  '@odata.type': '#microsoft.graph.security.mailboxEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'blocked',
  remediationStatusDetails: 'Sender added to the tenant block list',
  roles: ['attacker'],
  displayName: 'Fabrikam SharePoint',
  primaryAddress: 'no-reply@share-fabrikam.example',
  upn: null,
  userAccount: null,
};

const senderIp = {
  '@odata.type': '#microsoft.graph.security.ipEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'none',
  roles: ['source'],
  ipAddress: '203.0.113.140',
  countryLetterCode: 'LT',
};

/** Local parts of the fourteen recipients' addresses. Priya's message, the first, is the one clicked. */
const RECIPIENTS = [
  'priya.nair',
  'tom.becker',
  'lena.fischer',
  'omar.haddad',
  'grace.kim',
  'marco.rossi',
  'ines.duarte',
  'sam.okafor',
  'julia.novak',
  'ethan.wright',
  'mei.tanaka',
  'nora.lindqvist',
  'raj.patel',
  'clara.moreau',
];

/** Returns the tracking link the campaign sent to one recipient: the same page, a token per address. */
function campaignUrl(recipient: string): string {
  return `https://docs.share-fabrikam.example/s/q2-pricing?rid=${inventedHash(recipient, 12)}`;
}

/** Returns the network message id of the copy sent to one recipient. */
function networkMessageId(recipient: string): string {
  const hex = inventedHash(`message:${recipient}`, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const clickedUrl = campaignUrl(RECIPIENTS[0]!);

/**
 * The campaign's URLs: the clicked one was allowed through until the click alert, and the others
 * were blocked by Safe Links once the page was detonated.
 */
const campaignUrls = RECIPIENTS.map((recipient, index) => ({
  '@odata.type': '#microsoft.graph.security.urlEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: index === 0 ? 'none' : 'blocked',
  roles: [],
  url: campaignUrl(recipient),
}));

const mailCluster = {
  '@odata.type': '#microsoft.graph.security.mailClusterEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'pendingApproval',
  remediationStatusDetails: 'Soft delete of 14 messages waiting for approval in the Action center',
  roles: [],
  clusterBy: 'Subject',
  clusterByValue: 'Shared file: Q2 price list revision',
  emailCount: RECIPIENTS.length,
  networkMessageIds: RECIPIENTS.map(networkMessageId),
  query: 'Subject:"Shared file: Q2 price list revision" AND SenderFromAddress:"no-reply@share-fabrikam.example"',
  urn: 'urn:MailCluster:5b0d8e3a1f7c4a9e',
};

const clickedMessage = {
  '@odata.type': '#microsoft.graph.security.analyzedMessageEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'none',
  remediationStatusDetails: 'Soft delete requested with its mail cluster',
  roles: [],
  antiSpamDirection: 'inbound',
  attachmentsCount: 0,
  deliveryAction: 'delivered',
  deliveryLocation: 'inbox',
  internetMessageId: `<${inventedHash('internet-message', 16)}@share-fabrikam.example>`,
  language: 'en',
  networkMessageId: networkMessageId(RECIPIENTS[0]!),
  p1Sender: { displayName: 'Fabrikam SharePoint', domainName: 'share-fabrikam.example', emailAddress: 'no-reply@share-fabrikam.example' },
  p2Sender: { displayName: 'Fabrikam SharePoint', domainName: 'share-fabrikam.example', emailAddress: 'no-reply@share-fabrikam.example' },
  receivedDateTime: '2026-05-12T08:41:07.0000000Z',
  recipientEmailAddress: 'priya.nair@contoso.com',
  senderIp: '203.0.113.140',
  subject: 'Shared file: Q2 price list revision',
  threatDetectionMethods: ['urlDetonationReputation'],
  threats: ['Phish'],
  urlCount: 1,
  urls: [clickedUrl],
  urn: `urn:MailEntity:${inventedHash('mail-entity', 32)}`,
};

const psexecImage = {
  sha1: inventedHash('psexec.exe:sha1', 40),
  sha256: inventedHash('psexec.exe:sha256', 64),
  fileName: 'PsExec64.exe',
  filePath: 'C:\\Users\\pnair\\AppData\\Local\\Temp',
  fileSize: 833472,
  filePublisher: 'Microsoft Corporation',
  signer: 'Microsoft Corporation',
  issuer: 'Microsoft Code Signing PCA 2011',
};

const psexesvcImage = {
  sha1: null,
  sha256: null,
  fileName: 'PSEXESVC.exe',
  filePath: 'C:\\Windows',
  fileSize: 198536,
  filePublisher: 'Microsoft Corporation',
  signer: null,
  issuer: null,
};

const payloadImage = {
  sha1: inventedHash('svcupd.exe:sha1', 40),
  sha256: inventedHash('svcupd.exe:sha256', 64),
  fileName: 'svcupd.exe',
  filePath: 'C:\\ProgramData\\SvcUpd',
  fileSize: 1482240,
  filePublisher: null,
  signer: null,
  issuer: null,
};

const psexec = {
  '@odata.type': '#microsoft.graph.security.processEvidence',
  ...common,
  verdict: 'suspicious',
  remediationStatus: 'none',
  roles: [],
  processId: 6412,
  parentProcessId: 5880,
  processCommandLine: 'PsExec64.exe \\\\fs-01 -accepteula -s -d -c C:\\ProgramData\\SvcUpd\\svcupd.exe --path D:\\Shares\\Sales',
  processCreationDateTime: '2026-05-12T09:47:21.4Z',
  parentProcessCreationDateTime: '2026-05-12T09:45:02.1Z',
  detectionStatus: 'detected',
  mdeDeviceId: WORKSTATION_ID,
  imageFile: psexecImage,
  parentProcessImageFile: {
    sha1: null,
    sha256: null,
    fileName: 'cmd.exe',
    filePath: 'C:\\Windows\\System32',
    fileSize: 323584,
    filePublisher: 'Microsoft Corporation',
    signer: null,
    issuer: null,
  },
  userAccount: priyaAccount,
};

const encryptor = {
  '@odata.type': '#microsoft.graph.security.processEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'remediated',
  remediationStatusDetails: 'Process terminated and its file quarantined',
  roles: ['attacker'],
  processId: 3316,
  parentProcessId: 2904,
  processCommandLine: 'C:\\ProgramData\\SvcUpd\\svcupd.exe --path D:\\Shares\\Sales',
  processCreationDateTime: '2026-05-12T09:47:29.8Z',
  parentProcessCreationDateTime: '2026-05-12T09:47:28.6Z',
  detectionStatus: 'prevented',
  mdeDeviceId: FILE_SERVER_ID,
  imageFile: payloadImage,
  parentProcessImageFile: psexesvcImage,
  userAccount: {
    accountName: 'SYSTEM',
    domainName: 'NT AUTHORITY',
    userSid: 'S-1-5-18',
    azureAdUserId: null,
    userPrincipalName: null,
    displayName: 'System',
  },
};

/** The sales share's files that the payload encrypted before it was stopped, with their sizes in bytes. */
const ENCRYPTED_FILES: ReadonlyArray<[folder: string, name: string, size: number]> = [
  ['Pricing', 'Q2-price-list.xlsx', 284672],
  ['Pricing', 'Q2-price-list-draft.xlsx', 279040],
  ['Pricing', 'Discount-approvals-2026.xlsx', 96256],
  ['Contracts', 'Northwind-master-agreement.pdf', 1843200],
  ['Contracts', 'Tailspin-renewal-2026.docx', 412160],
  ['Contracts', 'Wingtip-SOW-03.docx', 188416],
  ['Contracts', 'Adventure-Works-NDA.pdf', 655360],
  ['Forecasts', 'Pipeline-May-2026.xlsx', 734208],
  ['Forecasts', 'Regional-targets-FY26.xlsx', 152576],
  ['Forecasts', 'Board-forecast-Q2.pptx', 5632000],
  ['Customers', 'Key-accounts.xlsx', 321536],
  ['Customers', 'Visit-reports-April.docx', 98304],
  ['Customers', 'Tender-responses.zip', 18874368],
  ['Presentations', 'Spring-launch.pptx', 12058624],
  ['Presentations', 'Partner-summit-deck.pptx', 9437184],
  ['Presentations', 'Product-roadmap-H2.pptx', 4194304],
];

const encryptedFiles = ENCRYPTED_FILES.map(([folder, name, size]) => ({
  '@odata.type': '#microsoft.graph.security.fileEvidence',
  ...common,
  verdict: 'suspicious',
  remediationStatus: 'none',
  roles: ['edited'],
  detailedRoles: ['Encrypted by svcupd.exe'],
  detectionStatus: null,
  mdeDeviceId: FILE_SERVER_ID,
  fileDetails: {
    sha1: inventedHash(`${folder}/${name}:sha1`, 40),
    sha256: inventedHash(`${folder}/${name}:sha256`, 64),
    fileName: `${name}.svcx`,
    filePath: `D:\\Shares\\Sales\\${folder}`,
    // Encryption adds a 512-byte header with the wrapped key.
    fileSize: size + 512,
    filePublisher: null,
    signer: null,
    issuer: null,
  },
}));

const ransomNote = {
  '@odata.type': '#microsoft.graph.security.fileEvidence',
  ...common,
  verdict: 'malicious',
  remediationStatus: 'remediated',
  remediationStatusDetails: 'Removed from 6 folders',
  roles: ['created'],
  detectionStatus: 'detected',
  mdeDeviceId: FILE_SERVER_ID,
  fileDetails: {
    sha1: inventedHash('RESTORE-FILES.txt:sha1', 40),
    sha256: inventedHash('RESTORE-FILES.txt:sha256', 64),
    fileName: 'RESTORE-FILES.txt',
    filePath: 'D:\\Shares\\Sales',
    fileSize: 2417,
    filePublisher: null,
    signer: null,
    issuer: null,
  },
};

/** Returns the evidence of an executable file on a device, for the image of a process. */
function fileEvidenceOf(details: GraphPayload, deviceId: string, verdict = 'noThreatsFound', remediationStatus = 'none') {
  return {
    '@odata.type': '#microsoft.graph.security.fileEvidence',
    ...common,
    verdict,
    remediationStatus,
    roles: [],
    detectionStatus: verdict === 'malicious' ? 'prevented' : null,
    mdeDeviceId: deviceId,
    fileDetails: details,
  };
}

const payloadFile = { ...fileEvidenceOf(payloadImage, FILE_SERVER_ID, 'malicious', 'remediated'), remediationStatusDetails: 'Quarantined' };

const alert = (id: string, fields: GraphPayload) => ({
  '@odata.type': '#microsoft.graph.security.alert',
  id,
  providerAlertId: id,
  incidentId: INCIDENT_ID,
  status: 'inProgress',
  classification: 'truePositive',
  determination: 'malware',
  tenantId: '00000000-0000-4000-8000-00000000c0de',
  assignedTo: 'sofia.alvarez@contoso.com',
  alertWebUrl: `https://security.microsoft.com/alerts/${id}?${TENANT}`,
  incidentWebUrl: `https://security.microsoft.com/incidents/${INCIDENT_ID}?${TENANT}`,
  actorDisplayName: null,
  threatDisplayName: null,
  threatFamilyName: null,
  resolvedDateTime: null,
  comments: [],
  systemTags: [],
  ...fields,
});

export const fabrikamPhishToRansomware: GraphPayload = {
  '@odata.type': '#microsoft.graph.security.incident',
  id: INCIDENT_ID,
  incidentWebUrl: `https://security.microsoft.com/incidents/${INCIDENT_ID}?${TENANT}`,
  redirectIncidentId: null,
  tenantId: '00000000-0000-4000-8000-00000000c0de',
  displayName: 'Ransomware incident on a file server after a phishing campaign against the sales team',
  description:
    'A link to a fake shared price list reached 14 sales mailboxes. One user clicked it, and within the hour her account ran PsExec against fs-01, where a payload encrypted 16 files on the sales share before it was stopped and the server isolated.',
  createdDateTime: '2026-05-12T08:46:52.0000000Z',
  lastUpdateDateTime: '2026-05-12T10:12:35.0000000Z',
  assignedTo: 'sofia.alvarez@contoso.com',
  classification: 'truePositive',
  determination: 'malware',
  status: 'active',
  severity: 'high',
  customTags: ['Sales', 'Ransomware'],
  systemTags: [],
  comments: [
    {
      comment: 'fs-01 isolated at 09:58. Restoring D:\\Shares\\Sales from the 06:00 snapshot; password of pnair reset.',
      createdBy: 'sofia.alvarez@contoso.com',
      createdTime: '2026-05-12T10:12:35.0000000Z',
    },
  ],
  alerts: [
    alert('fb3c71d9a0e2b4c6_2001', {
      title: 'Email messages containing malicious URL removed after delivery',
      severity: 'medium',
      category: 'InitialAccess',
      mitreTechniques: ['T1566.002'],
      serviceSource: 'microsoftDefenderForOffice365',
      detectionSource: 'microsoftDefenderForOffice365',
      detectorId: 'b1a7c3e5-0d2f-4e6a-8c9b-1f3d5e7a9c0b',
      description:
        'Messages with a link to a credential phishing page reached 14 mailboxes. Each link carries a token that identifies its recipient.',
      recommendedActions: 'Approve the soft delete of the remaining messages and reset the credentials of any user who clicked.',
      createdDateTime: '2026-05-12T08:46:52.0000000Z',
      lastUpdateDateTime: '2026-05-12T09:05:10.0000000Z',
      firstActivityDateTime: '2026-05-12T08:41:07.0000000Z',
      lastActivityDateTime: '2026-05-12T08:43:55.0000000Z',
      evidence: [mailCluster, clickedMessage, senderMailbox, senderIp, priyaMailbox, ...campaignUrls],
    }),
    alert('fb3c71d9a0e2b4c6_2002', {
      title: 'A potentially malicious URL click was detected',
      severity: 'high',
      category: 'InitialAccess',
      mitreTechniques: ['T1204.001', 'T1566.002'],
      serviceSource: 'microsoftDefenderForOffice365',
      detectionSource: 'microsoftDefenderForOffice365',
      detectorId: 'c2b8d4f6-1e3a-4f7b-9d0c-2a4e6f8b0d1c',
      description: 'A user clicked a link in a message that was later found to be phishing, and the click was allowed.',
      recommendedActions: 'Reset the password of the user and revoke their sessions.',
      createdDateTime: '2026-05-12T09:04:41.0000000Z',
      lastUpdateDateTime: '2026-05-12T09:06:00.0000000Z',
      firstActivityDateTime: '2026-05-12T09:02:13.0000000Z',
      lastActivityDateTime: '2026-05-12T09:02:13.0000000Z',
      evidence: [{ ...campaignUrls[0]!, detailedRoles: ['Clicked URL'] }, priyaUser, priyaMailbox, workstation],
    }),
    alert('da71e0c4b95f2a38_2003', {
      title: 'PsExec used to run a file on a remote device',
      severity: 'high',
      category: 'LateralMovement',
      mitreTechniques: ['T1570', 'T1569.002'],
      serviceSource: 'microsoftDefenderForEndpoint',
      detectionSource: 'edr',
      detectorId: '2c8d4e0f-7a9b-4f3c-9d6e-8a0c2e4f6b7d',
      description: 'PsExec copied an unsigned executable from ws-117 to fs-01 and started it as a service under the SYSTEM account.',
      recommendedActions: 'Isolate both devices and find out who ran PsExec, and with which credentials.',
      createdDateTime: '2026-05-12T09:48:05.0000000Z',
      lastUpdateDateTime: '2026-05-12T09:58:30.0000000Z',
      firstActivityDateTime: '2026-05-12T09:47:21.0000000Z',
      lastActivityDateTime: '2026-05-12T09:47:29.0000000Z',
      evidence: [workstation, psexec, fileEvidenceOf(psexecImage, WORKSTATION_ID), priyaUser, fileServer],
    }),
    alert('da71e0c4b95f2a38_2004', {
      title: 'Ransomware behavior detected in the file system',
      severity: 'high',
      category: 'Impact',
      mitreTechniques: ['T1486', 'T1490'],
      serviceSource: 'microsoftDefenderForEndpoint',
      detectionSource: 'antivirus',
      detectorId: '3d9e5f1a-8b0c-4a4d-8e7f-9b1d3f5a7c8e',
      threatFamilyName: 'SvcCrypt',
      threatDisplayName: 'Ransom:Win64/SvcCrypt.A',
      description:
        'svcupd.exe renamed and rewrote 16 files on the sales share and left a ransom note in each folder before it was stopped.',
      recommendedActions: 'Keep the device isolated, restore the files from backup, and look for svcupd.exe on other devices.',
      createdDateTime: '2026-05-12T09:51:12.0000000Z',
      lastUpdateDateTime: '2026-05-12T10:12:35.0000000Z',
      firstActivityDateTime: '2026-05-12T09:47:31.0000000Z',
      lastActivityDateTime: '2026-05-12T09:50:44.0000000Z',
      evidence: [fileServer, encryptor, payloadFile, ransomNote, ...encryptedFiles],
    }),
  ],
};

export default fabrikamPhishToRansomware;
