/** Registers every incident-lens element. */

import './components/alert-queue/define.js';
import './components/alert-timeline/define.js';
import './components/asset-list/define.js';
import './components/entity-flyout/define.js';
import './components/evidence-list/define.js';
import './components/hunt-results/define.js';
import './components/incident-filters/define.js';
import './components/incident-graph/define.js';
import './components/incident-summary/define.js';
import './components/incident-view/define.js';
import './components/investigations/define.js';
import './components/verdict-badge/define.js';
