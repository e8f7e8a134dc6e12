// The demo: a SOC console with an incident queue on the left and <il-incident-view> on the
// right, running on the project's sample incidents through the static adapter.
import '../src/define-all.js';
import { createStaticAdapter } from '../src/adapter/index.js';
import { fromMicrosoftGraph } from '../src/formats/index.js';
import { sampleIncidents } from './samples/index.js';

const snapshots = sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload));
const adapter = createStaticAdapter(snapshots);

const view = document.querySelector('il-incident-view')!;
const list = document.querySelector<HTMLUListElement>('#incident-list')!;

function open(incidentId: string): void {
  view.adapter = adapter;
  view.incidentId = incidentId;
  for (const button of list.querySelectorAll('button')) {
    button.setAttribute('aria-current', String(button.dataset.incidentId === incidentId));
  }
  history.replaceState(null, '', `#${encodeURIComponent(incidentId)}`);
}

for (const snapshot of snapshots) {
  const { incident } = snapshot;
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.incidentId = incident.id;
  button.textContent = incident.title;

  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `#${incident.id} · ${incident.severity} · ${snapshot.alerts.length} alerts`;
  button.append(meta);

  button.addEventListener('click', () => open(incident.id));
  item.append(button);
  list.append(item);
}

const requested = decodeURIComponent(location.hash.slice(1));
const first = snapshots.find((snapshot) => snapshot.incident.id === requested) ?? snapshots[0];
if (first) open(first.incident.id);

view.addEventListener('il-data-issue', (event) => {
  console.info(`incident-lens: ${event.detail.issues.length} data issues in the incident`, event.detail.issues);
});
