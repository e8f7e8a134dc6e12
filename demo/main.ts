// The demo: a SOC console with an incident queue on the left and <il-incident-view> on the
// right, running on the project's sample incidents and on any payload an analyst pastes or
// drops, through in-memory adapters that can also simulate live updates and take decisions on
// pending actions.
import '../src/define-all.js';
import { fromMicrosoftGraph } from '../src/formats/index.js';
import { DemoConsole } from './console.js';
import { sampleIncidents, withSamplePendingActions } from './samples/index.js';

const demo = new DemoConsole(document);
const snapshots = sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload)).map(withSamplePendingActions);
demo.addSnapshots(snapshots, 'Sample · Microsoft Graph security API');

const requested = decodeURIComponent(location.hash.slice(1));
const first = snapshots.find((snapshot) => snapshot.incident.id === requested) ?? snapshots[0];
if (first) demo.open(first.incident.id);

demo.elements.view.addEventListener('il-data-issue', (event) => {
  console.info(`incident-lens: ${event.detail.issues.length} data issues in the incident`, event.detail.issues);
});
