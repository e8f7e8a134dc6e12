import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/asset-list/define.js';
import '../src/components/evidence-list/define.js';
import '../src/components/incident-filters/define.js';
import '../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../src/components/incident-graph/incident-graph.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import type { IncidentFilters } from '../src/session/filters.js';
import { listSessionOfSize, type ListIncidentSize } from './incident-lists-data.js';

interface FilterArgs {
  size: ListIncidentSize;
}

/**
 * Renders the bar above a graph and an evidence list on one session, wired the way a host
 * wires it. The search text goes to the `search` property of the graph and of the list, and
 * grouping goes to the graph. `filters`, when given, are on from the start.
 */
function renderWired(size: ListIncidentSize, filters?: IncidentFilters) {
  const session = listSessionOfSize(size);
  if (filters) session.setFilters(filters);
  const graph = (event: Event): IncidentGraphElement =>
    (event.currentTarget as HTMLElement).querySelector('il-incident-graph')!;

  return html`<div
    style=${styleProperties({ display: 'grid', gap: '8px' })}
    @il-search-change=${(event: CustomEvent<{ search: string }>) => {
      graph(event).search = event.detail.search;
      (event.currentTarget as HTMLElement).querySelector('il-evidence-list')!.search = event.detail.search;
    }}
    @il-grouping-change=${(event: CustomEvent<{ grouped: boolean }>) => {
      graph(event).groupThreshold = event.detail.grouped ? 6 : 0;
    }}
    @il-groups-expand=${(event: CustomEvent<{ expanded: boolean }>) => {
      if (event.detail.expanded) graph(event).expandAll();
      else graph(event).collapseAll();
    }}
  >
    <il-incident-filters .session=${session}></il-incident-filters>
    <il-incident-graph style=${styleProperties({ height: '420px' })} .session=${session}></il-incident-graph>
    <il-evidence-list .session=${session} page-size="20"></il-evidence-list>
  </div>`;
}

const meta: Meta<FilterArgs> = {
  title: 'Elements/il-incident-filters',
  component: 'il-incident-filters',
  tags: ['autodocs'],
  args: { size: 'typical' },
  argTypes: { size: { control: 'inline-radio', options: ['small', 'typical', 'large'] } },
  render: ({ size }) => renderWired(size),
};

export default meta;

type Story = StoryObj<FilterArgs>;

/** The hand-written incident: few options in each menu. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample, with the graph and the evidence list following the bar. */
export const Typical: Story = {};

/** A generated incident of 3,000 entities: filters thin out the graph and the list together. */
export const Large: Story = { args: { size: 'large' } };

/** The bar alone, with filters already on and no grouping controls. */
export const FiltersOn: Story = {
  render: () => {
    const session = listSessionOfSize('typical');
    session.setFilters({ entityKinds: ['device', 'user', 'process'], verdicts: ['malicious', 'suspicious'] });
    return html`<il-incident-filters .session=${session} no-grouping search="powershell"></il-incident-filters>`;
  },
};

/**
 * The wired bar in a 360 px column, as on a phone. The bar is narrower than 600 px, so it shows
 * the search box and a "Filters (2)" button on one row, and the button shows the facet menus
 * and the grouping controls beneath.
 */
export const Narrow: Story = {
  render: ({ size }) =>
    html`<div style=${styleProperties({ width: '360px' })}>
      ${renderWired(size, { entityKinds: ['device', 'user', 'process'], verdicts: ['malicious', 'suspicious'] })}
    </div>`,
};
