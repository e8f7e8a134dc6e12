// Entry of demo/frameworks/react/index.html: mounts the React example on the sample incident.
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { sampleSnapshot } from '../sample.js';
import { IncidentPanel } from './incident-panel.js';

const container = document.getElementById('app');
if (!container) throw new Error('React example: the page has no #app element.');

createRoot(container).render(createElement(StrictMode, null, createElement(IncidentPanel, { snapshot: sampleSnapshot() })));
