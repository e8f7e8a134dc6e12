import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-summary/define.js';
import type { IncidentSummary } from '../../src/components/incident-summary/incident-summary.js';
import { ATTACK_TACTICS, killChain, tacticOf } from '../../src/components/incident-summary/summary-model.js';
import type { SelectionChangeEvent } from '../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { generateIncidentSnapshot } from '../fixtures/generated-incident.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { SHARED_GRAPH_PAYLOADS, readySession, sampleSnapshots, sharedSnapshots } from './incident-view-data.js';

async function summaryOf(snapshot: IncidentSnapshot): Promise<IncidentSummary> {
  const session = readySession(snapshot);
  const summary = await fixture<IncidentSummary>(html`<il-incident-summary .session=${session}></il-incident-summary>`);
  await summary.updateComplete;
  return summary;
}

function countText(summary: IncidentSummary, selector: string): number {
  return Number(summary.shadowRoot!.querySelector(`${selector} dd`)!.textContent!.trim());
}

/** Checks every figure of the summary against counts taken straight from the snapshot. */
function expectFiguresMatch(summary: IncidentSummary, snapshot: IncidentSnapshot, name: string): void {
  const evidence = snapshot.entities.filter((entity) => !entity.ghost);
  const ofKinds = (...kinds: string[]) => evidence.filter((entity) => kinds.includes(entity.kind)).length;

  expect(countText(summary, '[data-group="devices"]'), `${name}: devices`).to.equal(ofKinds('device'));
  expect(countText(summary, '[data-group="users"]'), `${name}: users`).to.equal(ofKinds('user'));
  expect(countText(summary, '[data-group="mailboxes"]'), `${name}: mailboxes`).to.equal(ofKinds('mailbox'));
  expect(countText(summary, '[data-group="apps"]'), `${name}: apps`).to.equal(ofKinds('cloudApp', 'oauthApp'));

  for (const verdict of ['malicious', 'suspicious', 'clean', 'unknown'] as const) {
    const expected = evidence.filter((entity) => entity.verdict === verdict).length;
    expect(countText(summary, `[data-verdict="${verdict}"]`), `${name}: ${verdict} evidence`).to.equal(expected);
  }
  const withoutVerdict = evidence.filter((entity) => entity.verdict === undefined).length;
  expect(countText(summary, '[data-verdict="notProvided"]'), `${name}: evidence without verdict`).to.equal(withoutVerdict);

  const listed = summary.shadowRoot!.querySelectorAll('[part="alert-list"] > li');
  expect(listed.length, `${name}: alerts listed`).to.equal(Math.min(50, snapshot.alerts.length));

  const tacticAlerts = summary.shadowRoot!.querySelectorAll('.chain .alert-links li').length;
  const otherAlerts = summary.shadowRoot!.querySelectorAll('.groups .alert-links li').length;
  expect(tacticAlerts + otherAlerts, `${name}: alerts under categories`).to.equal(snapshot.alerts.length);
}

describe('<il-incident-summary>', () => {
  describe('accessibility', () => {
    it('passes an accessibility check', async () => {
      const summary = await summaryOf(sampleSnapshots()[0]!);
      await expect(summary).to.be.accessible();
    });

    it('passes an accessibility check without an incident', async () => {
      const summary = await fixture<IncidentSummary>(html`<il-incident-summary></il-incident-summary>`);
      await expect(summary).to.be.accessible();
    });
  });

  describe('figures', () => {
    it('match the model for the sample incidents', async () => {
      for (const snapshot of sampleSnapshots()) {
        const summary = await summaryOf(snapshot);
        expectFiguresMatch(summary, snapshot, snapshot.incident.id);
      }
    });

    for (const path of SHARED_GRAPH_PAYLOADS) {
      it(`match the model for ${path.split('/').pop()}`, async function () {
        const snapshots = await sharedSnapshots(this, path);
        expect(snapshots.length).to.be.greaterThan(0);
        for (const snapshot of snapshots) {
          const summary = await summaryOf(snapshot);
          expectFiguresMatch(summary, snapshot, `${path} ${snapshot.incident.id}`);
          await expect(summary).to.be.accessible();
        }
      });
    }

    it('match the model for a large generated incident', async () => {
      const snapshot = generateIncidentSnapshot({ entityCount: 2000 });
      const summary = await summaryOf(snapshot);
      expectFiguresMatch(summary, snapshot, 'generated');
      expect(summary.shadowRoot!.querySelector('[part~="alerts"] .note')!.textContent).to.contain(`${snapshot.alerts.length - 50} more`);
    });

    it('leaves ghost processes out of the evidence count', async () => {
      const snapshot = viewSnapshot();
      snapshot.entities.push({ id: 'process:ghost', kind: 'process', displayName: 'explorer.exe', ghost: true, properties: {} });
      const summary = await summaryOf(snapshot);
      expect(summary.shadowRoot!.querySelector('[part="evidence-counts"]')).to.not.equal(null);
      expect(summary.shadowRoot!.querySelector('#evidence-heading')!.textContent).to.contain('(4)');
    });
  });

  describe('kill chain', () => {
    it('orders tactics and names the furthest reached', async () => {
      const summary = await summaryOf(viewSnapshot());
      const observed = [...summary.shadowRoot!.querySelectorAll('.chain > li[data-state="observed"]')].map(
        (item) => item.getAttribute('data-tactic'),
      );
      expect(observed).to.deep.equal(['Execution', 'CredentialAccess']);
      expect(summary.shadowRoot!.querySelectorAll('.chain > li').length).to.equal(ATTACK_TACTICS.length);
      expect(summary.shadowRoot!.querySelector('#categories-heading + .note')!.textContent).to.contain('Credential access');
      const between = summary.shadowRoot!.querySelector('.chain > li[data-tactic="Persistence"]')!;
      expect(between.getAttribute('data-state')).to.equal('passed');
    });

    it('reads tactics in any spelling and keeps other categories', () => {
      expect(tacticOf('Defense Evasion')).to.equal('DefenseEvasion');
      expect(tacticOf('command_and_control')).to.equal('CommandAndControl');
      expect(tacticOf('Malware')).to.equal(undefined);

      const snapshot = viewSnapshot();
      snapshot.alerts[0]!.category = 'Malware';
      snapshot.alerts[1]!.category = undefined;
      const chain = killChain(snapshot.alerts);
      expect(chain.furthest).to.equal(-1);
      expect(chain.others.map((group) => group.category)).to.deep.equal(['Malware', '']);
    });
  });

  describe('incident information', () => {
    it('shows status, severity, assignee, tags and times', async () => {
      const snapshot = viewSnapshot();
      snapshot.incident.classification = 'truePositive';
      snapshot.incident.determination = 'multiStagedAttack';
      snapshot.incident.updatedTime = Date.UTC(2026, 2, 14, 12, 0, 0);
      const summary = await summaryOf(snapshot);
      const text = summary.shadowRoot!.querySelector('[part="information"]')!.textContent!.replace(/\s+/g, ' ');
      for (const expected of ['Active', 'High', 'analyst@contoso.com', 'True positive', 'Multi staged attack', 'Demo', '03/14/2026, 09:00:00 AM UTC', '03/14/2026, 12:00:00 PM UTC']) {
        expect(text).to.contain(expected);
      }
    });
  });

  describe('events', () => {
    it('selects an alert as a user action', async () => {
      const snapshot = viewSnapshot();
      const session = readySession(snapshot);
      const summary = await fixture<IncidentSummary>(html`<il-incident-summary .session=${session}></il-incident-summary>`);
      const events: SelectionChangeEvent[] = [];
      summary.addEventListener('il-selection-change', (event) => events.push(event));

      const button = summary.shadowRoot!.querySelector<HTMLButtonElement>('[part="alert-list"] button')!;
      button.click();
      await summary.updateComplete;

      expect(session.selection.alertIds).to.deep.equal(['view-1-alert-1']);
      expect(events.map((event) => event.detail)).to.deep.equal([{ entityIds: [], alertIds: ['view-1-alert-1'] }]);
      expect(button.getAttribute('aria-current')).to.equal('true');
    });

    it('selects an asset as a user action', async () => {
      const session = readySession(viewSnapshot());
      const summary = await fixture<IncidentSummary>(html`<il-incident-summary .session=${session}></il-incident-summary>`);
      summary.shadowRoot!.querySelector<HTMLButtonElement>('[part="ranked-assets"] [data-entity-id="device:ws-042"] button')!.click();
      expect(session.selection.entityIds).to.deep.equal(['device:ws-042']);
    });

    it('fires nothing when the host selects', async () => {
      const session = readySession(viewSnapshot());
      const summary = await fixture<IncidentSummary>(html`<il-incident-summary .session=${session}></il-incident-summary>`);
      let fired = 0;
      summary.addEventListener('il-selection-change', () => fired++);
      session.select({ alertIds: ['view-1-alert-2'] });
      await summary.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('reaches every button with Tab', async () => {
      const summary = await summaryOf(viewSnapshot());
      const buttons = [...summary.shadowRoot!.querySelectorAll('button')];
      const reached = new Set<Element>();
      for (let step = 0; step < buttons.length; step++) {
        await sendKeys({ press: 'Tab' });
        const active = summary.shadowRoot!.activeElement;
        if (active) reached.add(active);
      }
      expect(reached.size).to.equal(buttons.length);
    });
  });
});
