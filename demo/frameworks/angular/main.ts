// Entry of demo/frameworks/angular/index.html: compiles the component in the browser and
// starts it on the sample incident. Angular 21 runs without zone.js by default.
import '@angular/compiler';
import { bootstrapApplication } from '@angular/platform-browser';
import { sampleSnapshot } from '../sample.js';
import { IncidentPanelComponent } from './incident-panel.component.js';

const application = await bootstrapApplication(IncidentPanelComponent);
const panel = application.components[0]!;
panel.setInput('snapshot', sampleSnapshot());
panel.changeDetectorRef.detectChanges();
