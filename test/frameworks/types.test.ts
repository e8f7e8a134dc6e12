/**
 * Checks the declarations that give hosts completion: `HTMLElementTagNameMap` maps every
 * `il-` tag to its element class and `GlobalEventHandlersEventMap` maps every `il-` event to
 * its event class. The type assertions below stop `tsc` when an entry is missing or has a wider
 * type. The tests compare the same tables with custom-elements.json, which `npm run build`
 * generates from the elements' docs, so an element or event added without an entry fails too.
 */

import { expect } from '@open-wc/testing';
import '../../src/define-all.js';
import {
  ActionCompleteEvent,
  ActionErrorEvent,
  ActionRequestEvent,
  AlertQueue,
  AlertTimeline,
  AssetList,
  BulkActionCompleteEvent,
  BulkActionErrorEvent,
  BulkActionRequestEvent,
  DataIssueEvent,
  EntityFlyout,
  EvidenceList,
  FiltersChangeEvent,
  FlyoutCloseEvent,
  GroupingChangeEvent,
  GroupsExpandEvent,
  GroupToggleEvent,
  HuntCompleteEvent,
  HuntResults,
  IncidentFiltersElement,
  IncidentGraphElement,
  IncidentSummary,
  IncidentView,
  Investigations,
  LayoutEndEvent,
  LayoutProgressEvent,
  LinkToIncidentEvent,
  LoadStateChangeEvent,
  PlayStateChangeEvent,
  RangeChangeEvent,
  SearchChangeEvent,
  SelectionChangeEvent,
  TabChangeEvent,
  TimeChangeEvent,
  VerdictBadge,
} from '../../src/index.js';

/** `true` only when `A` and `B` are the same type, not merely assignable to each other. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

type IlTag = Extract<keyof HTMLElementTagNameMap, `il-${string}`>;
type IlEventName = Extract<keyof GlobalEventHandlersEventMap, `il-${string}`>;

/** Every element class by tag; `satisfies` rejects a missing, extra or mistyped tag. */
const elementClasses = {
  'il-alert-queue': AlertQueue,
  'il-alert-timeline': AlertTimeline,
  'il-asset-list': AssetList,
  'il-entity-flyout': EntityFlyout,
  'il-evidence-list': EvidenceList,
  'il-hunt-results': HuntResults,
  'il-incident-filters': IncidentFiltersElement,
  'il-incident-graph': IncidentGraphElement,
  'il-incident-summary': IncidentSummary,
  'il-incident-view': IncidentView,
  'il-investigations': Investigations,
  'il-verdict-badge': VerdictBadge,
} satisfies { [Tag in IlTag]: new () => HTMLElementTagNameMap[Tag] };

/** Every event class by name; `satisfies` rejects a missing, extra or mistyped event. */
const eventClasses = {
  'il-action-complete': ActionCompleteEvent,
  'il-action-error': ActionErrorEvent,
  'il-action-request': ActionRequestEvent,
  'il-bulk-action-complete': BulkActionCompleteEvent,
  'il-bulk-action-error': BulkActionErrorEvent,
  'il-bulk-action-request': BulkActionRequestEvent,
  'il-data-issue': DataIssueEvent,
  'il-filters-change': FiltersChangeEvent,
  'il-flyout-close': FlyoutCloseEvent,
  'il-grouping-change': GroupingChangeEvent,
  'il-groups-expand': GroupsExpandEvent,
  'il-group-toggle': GroupToggleEvent,
  'il-hunt-complete': HuntCompleteEvent,
  'il-layout-end': LayoutEndEvent,
  'il-layout-progress': LayoutProgressEvent,
  'il-link-to-incident': LinkToIncidentEvent,
  'il-load-state-change': LoadStateChangeEvent,
  'il-play-state-change': PlayStateChangeEvent,
  'il-range-change': RangeChangeEvent,
  'il-search-change': SearchChangeEvent,
  'il-selection-change': SelectionChangeEvent,
  'il-tab-change': TabChangeEvent,
  'il-time-change': TimeChangeEvent,
} satisfies { [Name in IlEventName]: { readonly eventName: Name; prototype: GlobalEventHandlersEventMap[Name] } };

// Each map entry is exactly the class, not a wider type such as HTMLElement or CustomEvent.
type ExactTags = { [Tag in IlTag]: Equal<HTMLElementTagNameMap[Tag], InstanceType<(typeof elementClasses)[Tag]>> };
type ExactEvents = { [Name in IlEventName]: Equal<GlobalEventHandlersEventMap[Name], (typeof eventClasses)[Name]['prototype']> };
export type TagsAreExact = Expect<ExactTags[IlTag]>;
export type EventsAreExact = Expect<ExactEvents[IlEventName]>;

// What a host writes: the element and the event detail are typed without a cast.
const createView = () => document.createElement('il-incident-view');
export type CreatedViewIsTyped = Expect<Equal<ReturnType<typeof createView>, IncidentView>>;
export type SelectionDetailIsTyped = Expect<Equal<GlobalEventHandlersEventMap['il-selection-change']['detail']['entityIds'], string[]>>;

interface ManifestDeclaration {
  tagName?: string;
  events?: { name: string }[];
}

/** Reads the tags and event names that custom-elements.json documents. */
async function readManifest(): Promise<{ tags: Set<string>; events: Set<string> }> {
  const response = await fetch('/custom-elements.json');
  if (!response.ok) throw new Error(`custom-elements.json not found (HTTP ${response.status}). Run npm run analyze first.`);
  const manifest = (await response.json()) as { modules: { declarations?: ManifestDeclaration[] }[] };

  const tags = new Set<string>();
  const events = new Set<string>();
  for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
    if (declaration.tagName) tags.add(declaration.tagName);
    for (const event of declaration.events ?? []) events.add(event.name);
  }
  return { tags, events };
}

describe('host type declarations', () => {
  it('lists every documented element', async () => {
    const { tags } = await readManifest();

    expect(Object.keys(elementClasses).sort()).to.deep.equal([...tags].sort());
  });

  it('lists every documented event', async () => {
    const { events } = await readManifest();

    expect(Object.keys(eventClasses).sort()).to.deep.equal([...events].sort());
  });

  it('maps each tag to its class', () => {
    for (const [tag, elementClass] of Object.entries(elementClasses)) {
      expect(customElements.get(tag), tag).to.equal(elementClass);
      expect(document.createElement(tag), tag).to.be.instanceOf(elementClass);
    }
  });

  it('maps each event to its class', () => {
    for (const [name, eventClass] of Object.entries(eventClasses)) {
      expect(eventClass.eventName, name).to.equal(name);
    }
  });

  it('types a listener by event name', () => {
    const view = document.createElement('il-incident-view');
    const received: string[][] = [];
    view.addEventListener('il-selection-change', (event) => received.push(event.detail.entityIds));

    view.dispatchEvent(new SelectionChangeEvent({ entityIds: ['device-1'], alertIds: [] }));

    expect(received).to.deep.equal([['device-1']]);
  });
});
