// Entry of demo/frameworks/vue/index.html: mounts the Vue example on the sample incident.
import { createApp } from 'vue';
import { sampleSnapshot } from '../sample.js';
import { IncidentPanel } from './incident-panel.js';

createApp(IncidentPanel, { snapshot: sampleSnapshot() }).mount('#app');
