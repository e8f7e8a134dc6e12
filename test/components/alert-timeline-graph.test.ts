import { expect } from '@open-wc/testing';
import { buildDisplayModel, compareNodes, type DisplayModel } from '../../src/components/incident-graph/display-model.js';
import { drawNodeLayer } from '../../src/components/incident-graph/draw-nodes.js';
import type { Palette } from '../../src/components/incident-graph/palette.js';
import type { Alert, IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { TIMELINE_START, timelineAlert } from '../fixtures/timeline-snapshot.js';
import { markerButtons, part, setupTimeline } from './alert-timeline-helpers.js';

const MINUTE = 60_000;

function withEvidence(alert: Alert, entityIds: string[]): Alert {
  return { ...alert, evidence: entityIds.map((entityId) => ({ entityId, roles: [] })) };
}

/** Three alert times; the second has four alerts at one instant, in shuffled input order. */
function replaySnapshot(): IncidentSnapshot {
  const at = (minutes: number): number => TIMELINE_START + minutes * MINUTE;
  return {
    incident: { id: 'replay', title: 'Replay', severity: 'high', status: 'active', tags: [] },
    alerts: [
      withEvidence(timelineAlert('r-mail', 'Phishing mail delivered', 'medium', at(0)), ['user-1']),
      withEvidence(timelineAlert('r-low', 'Unusual process', 'low', at(10)), ['device-1']),
      withEvidence(timelineAlert('r-high-b', 'Credential theft', 'high', at(10)), ['device-1', 'file-1']),
      withEvidence(timelineAlert('r-high-a', 'Credential theft', 'high', at(10)), ['device-1']),
      withEvidence(timelineAlert('r-info', 'Policy change', 'informational', at(10)), ['device-1']),
      withEvidence(timelineAlert('r-exfil', 'Data sent out', 'high', at(20)), ['ip-1']),
    ],
    entities: [
      { id: 'user-1', kind: 'user', displayName: 'alex', firstSeen: at(0), properties: {} },
      { id: 'device-1', kind: 'device', displayName: 'laptop-7', firstSeen: at(10), properties: {} },
      { id: 'file-1', kind: 'file', displayName: 'dump.bin', firstSeen: at(10), properties: {} },
      { id: 'ip-1', kind: 'ip', displayName: '203.0.113.9', firstSeen: at(20), properties: {} },
    ],
    relations: [],
    issues: [],
  };
}

/** Gives every node a fixed position, as a finished layout would. */
function placeNodes(session: IncidentSession): void {
  let index = 0;
  session.graph!.forEachNode((id) => {
    session.graph!.mergeNodeAttributes(id, { x: index * 40, y: (index % 3) * 30 });
    index++;
  });
}

function display(session: IncidentSession): DisplayModel {
  return buildDisplayModel({
    graph: session.graph,
    existsNow: (firstSeen) => session.existsNow(firstSeen),
    isNewNow: (firstSeen) => session.isNewNow(firstSeen),
    selection: session.selection,
  });
}

function snapshotOfDisplay(model: DisplayModel): string[] {
  return model.nodes.map((node) => `${node.id}@${node.x},${node.y}${node.fresh ? ' new' : ''}`).sort();
}

describe('alert timeline and the graph', () => {
  it('orders equal times as the graph does', async () => {
    const { element, session } = await setupTimeline(replaySnapshot());
    const timelineOrder = markerButtons(element).map((button) => button.dataset['alertId']);

    placeNodes(session);
    const graphOrder = display(session).nodes.filter((node) => node.alert).sort(compareNodes).map((node) => node.id);

    expect(timelineOrder).to.deep.equal(['r-mail', 'r-high-a', 'r-high-b', 'r-low', 'r-info', 'r-exfil']);
    expect(graphOrder).to.deep.equal(timelineOrder);
  });

  it('reveals records as the steps pass', async () => {
    const { element, session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    session.setTime(TIMELINE_START);

    part(element, 'next-button').click();
    const ids = display(session).nodes.map((node) => node.id);

    expect(ids).to.include('device-1');
    expect(ids).to.include('r-high-a');
    expect(ids).to.not.include('ip-1');
    expect(ids).to.not.include('r-exfil');
  });

  it('marks what is new at the current step', async () => {
    const { element, session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    session.setTime(TIMELINE_START);

    part(element, 'next-button').click();
    const fresh = display(session).nodes.filter((node) => node.fresh).map((node) => node.id).sort();
    const edges = display(session).edges.views().filter((edge) => edge.fresh).length;

    expect(fresh).to.deep.equal(['device-1', 'file-1', 'r-high-a', 'r-high-b', 'r-info', 'r-low']);
    expect(edges).to.equal(5);
  });

  it('marks nothing before a user steps', async () => {
    const { session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    expect(display(session).nodes.some((node) => node.fresh)).to.be.false;
  });

  it('gives identical positions stepping back and forth', async () => {
    const { element, session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    session.setTime(TIMELINE_START);

    part(element, 'next-button').click();
    const forward = snapshotOfDisplay(display(session));
    part(element, 'next-button').click();
    part(element, 'previous-button').click();
    const back = snapshotOfDisplay(display(session));

    expect(back).to.deep.equal(forward);
  });

  it('leaves out records outside the range', async () => {
    const { session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    session.setRange({ start: TIMELINE_START + 5 * MINUTE, end: TIMELINE_START + 15 * MINUTE });

    const ids = display(session).nodes.map((node) => node.id);
    expect(ids).to.include('device-1');
    expect(ids).to.not.include('user-1');
    expect(ids).to.not.include('ip-1');
  });

  it('draws a ring around a new node', async () => {
    const { element, session } = await setupTimeline(replaySnapshot());
    placeNodes(session);
    session.setTime(TIMELINE_START);
    part(element, 'next-button').click();
    const model = display(session);

    const ringPixels = (fresh: boolean): number => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 200;
      const ctx = canvas.getContext('2d')!;
      const node = { ...model.byId.get('device-1')!, x: 100, y: 100, fresh, verdict: undefined };
      drawNodeLayer(ctx, [node], testPalette(), { dots: false, icons: false, minDotRadius: 1, pixelsPerUnit: 1 });
      // Count painted pixels in a thin annulus outside the node and its verdict ring gap.
      const data = ctx.getImageData(0, 0, 200, 200).data;
      let painted = 0;
      for (let y = 0; y < 200; y++) {
        for (let x = 0; x < 200; x++) {
          const distance = Math.hypot(x + 0.5 - 100, y + 0.5 - 100);
          if (distance > node.radius + 6 && distance < node.radius + 10 && data[(y * 200 + x) * 4 + 3]! > 0) painted++;
        }
      }
      return painted;
    };

    expect(ringPixels(false)).to.equal(0);
    expect(ringPixels(true)).to.be.greaterThan(20);
  });
});

function testPalette(): Palette {
  const verdict = { malicious: '#c00', suspicious: '#b50', clean: '#070', unknown: '#666', none: '#888' };
  const severity = { high: '#c00', medium: '#b50', low: '#860', informational: '#06c', unknown: '#666' };
  return {
    background: '#fff', label: '#111', labelMuted: '#555', edge: '#888', nodeFill: '#eee', nodeBorder: '#ccc',
    icon: '#111', alertIcon: '#fff', selection: '#06c', focus: '#06c', verdict, severity,
    remediated: '#070', pending: '#84c', attention: '#c00', fontFamily: 'sans-serif',
  } as Palette;
}
