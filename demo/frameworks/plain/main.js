// The script of the plain HTML example (index.html): it imports the script-tag bundle, defines
// a small incident and an adapter for it, and sets the view's properties from JavaScript. It is
// a file of its own, as is the page's stylesheet, so the page runs under a Content Security
// Policy without 'unsafe-inline', such as the one in the README's "Security" section.
import '../../../dist/incident-lens.bundle.js';

const time = (iso) => Date.parse(iso);

// A small incident in the model's own shape: a phishing mail whose attachment started
// PowerShell on a workstation.
const snapshot = {
  incident: {
    id: 'plain-1',
    title: 'Macro document started PowerShell',
    severity: 'high',
    status: 'active',
    tags: ['demo'],
    createdTime: time('2026-03-10T09:20:00Z'),
  },
  alerts: [
    {
      id: 'alert-mail',
      title: 'Phishing mail delivered',
      severity: 'medium',
      status: 'new',
      category: 'InitialAccess',
      mitreTechniques: ['T1566.001'],
      relatedAlertIds: [],
      firstActivityTime: time('2026-03-10T09:20:00Z'),
      evidence: [
        { entityId: 'mail-1', roles: ['contextual'] },
        { entityId: 'user-1', roles: ['victim'] },
      ],
    },
    {
      id: 'alert-macro',
      title: 'Office document started PowerShell',
      severity: 'high',
      status: 'new',
      category: 'Execution',
      mitreTechniques: ['T1059.001'],
      relatedAlertIds: ['alert-mail'],
      firstActivityTime: time('2026-03-10T09:26:05Z'),
      evidence: [
        { entityId: 'process-word', roles: ['parent'] },
        { entityId: 'process-powershell', roles: ['suspicious'] },
        { entityId: 'device-1', roles: ['compromised'] },
        { entityId: 'user-1', roles: [] },
      ],
    },
  ],
  entities: [
    { id: 'mail-1', kind: 'mailMessage', displayName: 'Invoice overdue', verdict: 'malicious', properties: { subject: 'Invoice overdue' } },
    { id: 'user-1', kind: 'user', displayName: 'alex@contoso.example', verdict: 'suspicious', properties: { accountName: 'alex' } },
    { id: 'device-1', kind: 'device', displayName: 'ws-0042', verdict: 'suspicious', properties: { osPlatform: 'Windows11' } },
    { id: 'process-word', kind: 'process', displayName: 'WINWORD.EXE', verdict: 'clean', properties: { processId: 4120 } },
    {
      id: 'process-powershell',
      kind: 'process',
      displayName: 'powershell.exe',
      verdict: 'malicious',
      remediationStatus: 'pendingApproval',
      properties: { processId: 5532, processCommandLine: 'powershell.exe -nop -w hidden -enc SQBFAFgA' },
    },
  ],
  relations: [
    { source: 'process-powershell', target: 'process-word', type: 'parentProcess' },
    { source: 'process-word', target: 'device-1', type: 'runsOn' },
    { source: 'process-word', target: 'user-1', type: 'runsAs' },
    { source: 'mail-1', target: 'user-1', type: 'sentTo' },
  ],
  issues: [],
};

// The one method an adapter must have; the optional ones turn on actions, hunting and
// live updates.
const adapter = {
  async loadIncident(id, { signal }) {
    signal.throwIfAborted();
    if (id !== snapshot.incident.id) throw new Error(`Incident not found: ${id}`);
    return snapshot;
  },
};

const view = document.querySelector('il-incident-view');
const selections = document.getElementById('selections');

// Rich data is set as properties; an attribute could only carry a string.
view.adapter = adapter;
view.incidentId = snapshot.incident.id;

view.addEventListener('il-selection-change', (event) => {
  const { entityIds, alertIds } = event.detail;
  const item = document.createElement('li');
  item.textContent = [...entityIds, ...alertIds].join(', ') || 'nothing';
  selections.append(item);
});
