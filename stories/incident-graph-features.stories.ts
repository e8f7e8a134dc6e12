import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref, type Ref } from 'lit/directives/ref.js';
import '../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../src/components/incident-graph/incident-graph.js';
import type { LayoutKind } from '../src/layout/index.js';
import type { Entity, IncidentSnapshot, Relation } from '../src/model/types.js';
import { incidentOf, ransomwareSnapshot, sessionOn } from './graph-story-data.js';
import { createFixtureGraph, createFixtureSnapshot } from '../test/fixtures/graph-snapshot.js';
import { generateIncidentSnapshot } from '../test/fixtures/generated-incident.js';

interface FeatureArgs {
  height: number;
  search: string;
  minimap: boolean;
  layout: LayoutKind;
  groupThreshold: number;
}

/** Sets the text of the element `target` points at, so data is never written as HTML. */
function showText(target: Ref<HTMLElement>, text: string): void {
  if (target.value) target.value.textContent = text;
}

const toolbarStyle = 'display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-block-end: 8px; font: 14px system-ui, sans-serif';

const meta: Meta<FeatureArgs> = {
  title: 'Elements/il-incident-graph/Features',
  component: 'il-incident-graph',
  tags: ['autodocs'],
  args: { height: 480, search: '', minimap: false, layout: 'force', groupThreshold: 6 },
  argTypes: {
    height: { control: { type: 'number', min: 120, max: 900, step: 20 } },
    search: { control: 'text' },
    minimap: { control: 'boolean' },
    layout: { control: 'inline-radio', options: ['force', 'tree'] },
    groupThreshold: { control: { type: 'number', min: 0, max: 40, step: 1 } },
  },
};

export default meta;

type Story = StoryObj<FeatureArgs>;

/**
 * A search box bound to the `search` property: nodes whose label or id contains the text are
 * emphasised and the rest dimmed, and the listbox's name says how many match. The `search`
 * control sets the starting text.
 */
export const Search: Story = {
  args: { search: 'powershell' },
  render: (args) => {
    const graph = createRef<IncidentGraphElement>();
    const session = sessionOn(createFixtureSnapshot());
    const onInput = (event: Event): void => {
      if (graph.value) graph.value.search = (event.target as HTMLInputElement).value;
    };
    return html`
      <div style=${toolbarStyle}>
        <label>Find a node <input type="search" .value=${args.search} @input=${onInput} /></label>
      </div>
      <il-incident-graph ${ref(graph)} style=${`height: ${args.height}px`} .session=${session} .search=${args.search}></il-incident-graph>
    `;
  },
};

/**
 * A host graph in which `powershell.exe` is pinned (`fixed: true`) at the top left: the layout
 * keeps it there. Drag any other node to pin it too, double-click a pinned node (or press P on
 * the active one) to release it. The line above the graph lists the pinned nodes.
 */
export const PinnedNode: Story = {
  render: (args) => {
    const graph = createFixtureGraph();
    graph.mergeNodeAttributes('process-powershell', { x: -260, y: -200, fixed: true });
    const pinnedList = createRef<HTMLElement>();
    const update = (): void => {
      const pinned = graph.filterNodes((_node, attributes) => attributes.fixed === true);
      showText(pinnedList, pinned.length ? pinned.join(', ') : 'none');
    };
    graph.on('nodeAttributesUpdated', update);
    queueMicrotask(update);
    return html`
      <div style=${toolbarStyle}>Pinned: <output ${ref(pinnedList)}></output></div>
      <il-incident-graph style=${`height: ${args.height}px`} .graph=${graph}></il-incident-graph>
    `;
  },
};

/**
 * Shift and a drag on empty space draws a rectangle. The nodes inside are added to the
 * selection in one `il-selection-change`, whose detail shows above the graph. F then fits the
 * selection, and so does the first button, which calls `fitSelection()`.
 */
export const BoxSelectionAndFit: Story = {
  render: (args) => {
    const graph = createRef<IncidentGraphElement>();
    const detail = createRef<HTMLElement>();
    const session = sessionOn(createFixtureSnapshot());
    const onSelection = (event: HTMLElementEventMap['il-selection-change']): void => {
      const { entityIds, alertIds } = event.detail;
      showText(detail, `alerts: ${alertIds.length}, entities: ${entityIds.length} (${[...alertIds, ...entityIds].join(', ') || 'none'})`);
    };
    return html`
      <div style=${toolbarStyle}>
        <button type="button" @click=${() => graph.value?.fitSelection()}>Fit the selection</button>
        <button type="button" @click=${() => graph.value?.fit()}>Fit all</button>
        <span>Selection: <output ${ref(detail)}>none</output></span>
      </div>
      <il-incident-graph
        ${ref(graph)}
        style=${`height: ${args.height}px`}
        .session=${session}
        @il-selection-change=${onSelection}
      ></il-incident-graph>
    `;
  },
};

/**
 * With `selection-tool="lasso"`, Shift and a drag on empty space draw a freehand outline (the
 * `selection-lasso` part) instead of a rectangle. Releasing adds the nodes whose centre lies
 * inside to the selection, in one `il-selection-change`, and Escape while drawing cancels. An
 * outline that crosses itself selects by the even-odd rule, as its fill shows. From the
 * keyboard, Shift+Enter adds the active node and Ctrl+A selects every node. The radio buttons
 * switch the tool.
 */
export const LassoSelection: Story = {
  render: (args) => {
    const graph = createRef<IncidentGraphElement>();
    const detail = createRef<HTMLElement>();
    const session = sessionOn(createFixtureSnapshot());
    const onSelection = (event: HTMLElementEventMap['il-selection-change']): void => {
      const { entityIds, alertIds } = event.detail;
      showText(detail, `alerts: ${alertIds.length}, entities: ${entityIds.length} (${[...alertIds, ...entityIds].join(', ') || 'none'})`);
    };
    const onTool = (event: Event): void => {
      if (graph.value) graph.value.selectionTool = (event.target as HTMLInputElement).value === 'box' ? 'box' : 'lasso';
    };
    return html`
      <div style=${toolbarStyle} @change=${onTool}>
        <span>Shift + drag draws</span>
        <label><input type="radio" name="selection-tool" value="lasso" checked /> a lasso</label>
        <label><input type="radio" name="selection-tool" value="box" /> a box</label>
        <button type="button" @click=${() => graph.value?.fitSelection()}>Fit the selection</button>
        <span>Selection: <output ${ref(detail)}>none</output></span>
      </div>
      <il-incident-graph
        ${ref(graph)}
        selection-tool="lasso"
        style=${`height: ${args.height}px`}
        .session=${session}
        @il-selection-change=${onSelection}
      ></il-incident-graph>
    `;
  },
};

/**
 * A graph in a page that scrolls, with `gesture-handling="cooperative"`. The wheel and a lone
 * finger scroll the page past the graph, and a hint over the graph (the `gesture-hint` part)
 * shows how to move it: Ctrl or Cmd and the wheel, a trackpad pinch, or two fingers. A mouse
 * drag still pans. A narrow `il-incident-view` makes its graph cooperative the same way.
 */
export const CooperativeGestures: Story = {
  args: { height: 420 },
  render: (args) => {
    const filler = (text: string) => html`<p style="font: 14px system-ui, sans-serif; max-width: 60ch; min-height: 50vh">${text}</p>`;
    return html`
      ${filler('Scroll down past the graph with the wheel or one finger: the page scrolls, and the graph shows how to zoom it.')}
      <il-incident-graph gesture-handling="cooperative" style=${`height: ${args.height}px`} .session=${sessionOn(createFixtureSnapshot())}></il-incident-graph>
      ${filler('The page goes on below the graph.')}
    `;
  },
};

/**
 * A panel of the page over the bottom of the graph, and `viewInsets` set to its height. The
 * automatic fit, F and `fit()` place the nodes in the part above the panel. A narrow
 * `il-incident-view` sets it for its details sheet.
 */
export const ViewInsets: Story = {
  args: { height: 480 },
  render: (args) => html`
    <div style="position: relative">
      <il-incident-graph
        style=${`height: ${args.height}px`}
        .session=${sessionOn(createFixtureSnapshot())}
        .viewInsets=${{ bottom: 180 }}
      ></il-incident-graph>
      <div style="position: absolute; inset: auto 0 0 0; height: 180px; background: rgb(0 0 0 / 0.55); color: white; font: 14px system-ui, sans-serif; padding: 12px; box-sizing: border-box">
        A panel over the bottom 180 px of the graph. Click a node and press F: it fits above the panel.
      </div>
    </div>
  `,
};

/**
 * A generated incident of 2,000 entities and 200 alerts. Above 150 visible nodes the minimap
 * shows in the bottom right corner with the view's rectangle, and a click or drag in it pans there.
 */
export const MinimapOnLargeGraph: Story = {
  args: { height: 640 },
  render: (args) => html`
    <il-incident-graph
      style=${`height: ${args.height}px`}
      .session=${sessionOn(generateIncidentSnapshot({ entityCount: 2000 }))}
      .search=${args.search}
    ></il-incident-graph>
  `,
};

/** The `minimap` property shows the minimap on a small graph too, which has none by default. */
export const MinimapOnSmallGraph: Story = {
  args: { minimap: true },
  render: (args) => html`
    <il-incident-graph style=${`height: ${args.height}px`} .session=${sessionOn(createFixtureSnapshot())} .minimap=${args.minimap}></il-incident-graph>
  `,
};

/**
 * `toSVG()` resolves with the whole graph as an SVG document, and the story shows its length.
 * `toPNG({ scale: 2 })` resolves with a PNG Blob, which shows below through an object URL.
 */
export const Export: Story = {
  render: (args) => {
    const graph = createRef<IncidentGraphElement>();
    const status = createRef<HTMLElement>();
    const image = createRef<HTMLImageElement>();
    const exportSvg = async (): Promise<void> => {
      const source = (await graph.value?.toSVG()) ?? '';
      showText(status, `SVG: ${source.length.toLocaleString('en')} characters`);
    };
    const exportPng = async (): Promise<void> => {
      if (!graph.value || !image.value) return;
      try {
        const blob = await graph.value.toPNG({ scale: 2 });
        const previous = image.value.src;
        image.value.src = URL.createObjectURL(blob);
        image.value.hidden = false;
        if (previous.startsWith('blob:')) URL.revokeObjectURL(previous);
        showText(status, `PNG: ${blob.size.toLocaleString('en')} bytes, ${blob.type}`);
      } catch (error) {
        showText(status, `PNG export failed: ${String(error)}`);
      }
    };
    return html`
      <div style=${toolbarStyle}>
        <button type="button" @click=${exportSvg}>Export SVG</button>
        <button type="button" @click=${exportPng}>Export PNG</button>
        <output ${ref(status)}></output>
      </div>
      <il-incident-graph ${ref(graph)} style=${`height: ${args.height}px`} .session=${sessionOn(createFixtureSnapshot())}></il-incident-graph>
      <img ${ref(image)} hidden alt="The exported PNG of the graph" style="display: block; max-width: 100%; margin-block-start: 8px; border: 1px solid #ccc" />
    `;
  },
};

/** Returns an incident of one device with a process tree 1, 3, 9 deep, plus a user and a C2 address. */
function processTreeSnapshot(): IncidentSnapshot {
  const entities: Entity[] = [
    { id: 'device-tree', kind: 'device', displayName: 'WS-DEV-017', verdict: 'malicious', properties: {} },
    { id: 'user-tree', kind: 'user', displayName: 'CONTOSO\\ava', verdict: 'suspicious', properties: {} },
    { id: 'ip-tree', kind: 'ip', displayName: '203.0.113.50', verdict: 'malicious', properties: {} },
  ];
  const relations: Relation[] = [{ source: 'user-tree', target: 'device-tree', type: 'loggedOn' }];
  const addProcess = (id: string, name: string, parent: string | undefined): void => {
    entities.push({ id, kind: 'process', displayName: name, verdict: parent ? 'suspicious' : 'unknown', properties: {} });
    relations.push(parent ? { source: id, target: parent, type: 'parentProcess' } : { source: id, target: 'device-tree', type: 'runsOn' });
  };
  addProcess('process-root', 'explorer.exe', undefined);
  for (const child of ['cmd.exe', 'powershell.exe', 'wscript.exe']) {
    addProcess(`process-${child}`, child, 'process-root');
    for (const grandchild of ['whoami.exe', 'net.exe', 'certutil.exe']) {
      addProcess(`process-${child}-${grandchild}`, grandchild, `process-${child}`);
    }
  }
  relations.push({ source: 'process-powershell.exe-certutil.exe', target: 'ip-tree', type: 'communicatesWith' });
  return incidentOf('Process tree', entities, relations, ['device-tree', 'process-powershell.exe', 'ip-tree']);
}

/**
 * `layout="tree"` draws the process tree as top-down layers under its device and places the
 * user and the IP address around it. Switch the `layout` control to `force` to compare.
 */
export const TreeLayout: Story = {
  args: { layout: 'tree' },
  render: (args) => html`
    <il-incident-graph style=${`height: ${args.height}px`} .session=${sessionOn(processTreeSnapshot())} .layout=${args.layout}></il-incident-graph>
  `,
};

/**
 * One alert on a device, 20 files and 12 IP addresses that nothing else links to: above the
 * group threshold (10 here) each kind collapses into one group node. The buttons call
 * `expandAll()` and `collapseAll()`, then fit the graph. Double-click or Enter on a group
 * expands that group alone and fires `il-group-toggle`, which updates the count beside the
 * buttons.
 */
export const GroupedWithExpandAll: Story = {
  args: { groupThreshold: 10 },
  render: (args) => {
    const session = sessionOn(ransomwareSnapshot(20, 12));
    const graph = createRef<IncidentGraphElement>();
    const status = createRef<HTMLElement>();
    const report = (): void => {
      const groups = graph.value?.groups ?? [];
      const expanded = groups.filter((group) => group.expanded).length;
      showText(status, `${groups.length} groups, ${expanded} expanded`);
    };
    const toggleAll = (expand: boolean): void => {
      if (expand) graph.value?.expandAll();
      else graph.value?.collapseAll();
      report();

      // Expanding keeps the camera, so the story fits the graph again to show every member.
      void graph.value?.fit();
    };
    return html`
      <div style=${toolbarStyle}>
        <button type="button" @click=${() => toggleAll(true)}>Expand all</button>
        <button type="button" @click=${() => toggleAll(false)}>Collapse all</button>
        <output ${ref(status)}></output>
      </div>
      <il-incident-graph
        ${ref(graph)}
        style=${`height: ${args.height}px`}
        .session=${session}
        .groupThreshold=${args.groupThreshold}
        @il-layout-end=${report}
        @il-group-toggle=${report}
      ></il-incident-graph>
    `;
  },
};

/**
 * A generated incident of 3,000 entities: its layout runs in a worker (or in slices) and fires
 * `il-layout-progress`, which drives the progress bar. Pause leaves the nodes where they are
 * and Resume continues. `il-layout-end` marks the end. The first run takes a few seconds, and
 * "Lay out again" calls `relayout()` to start another one.
 */
export const LayoutProgressAndPause: Story = {
  args: { height: 640 },
  render: (args) => {
    const graph = createRef<IncidentGraphElement>();
    const bar = createRef<HTMLProgressElement>();
    const status = createRef<HTMLElement>();
    const onProgress = (event: HTMLElementEventMap['il-layout-progress']): void => {
      const { ticks, maxTicks, alpha } = event.detail;
      if (bar.value) {
        bar.value.max = maxTicks;
        bar.value.value = ticks;
      }
      showText(status, `${ticks} of ${maxTicks} ticks, alpha ${alpha.toFixed(3)}`);
    };
    const onEnd = (event: HTMLElementEventMap['il-layout-end']): void => {
      if (bar.value) bar.value.value = bar.value.max;
      showText(status, `Done: ${event.detail.nodeCount.toLocaleString('en')} nodes in ${event.detail.ticks} ticks`);
    };
    const pause = (): void => {
      graph.value?.pauseLayout();
      showText(status, graph.value?.layoutRunning ? 'Paused' : 'No layout running');
    };
    const resume = (): void => {
      graph.value?.resumeLayout();
      showText(status, 'Resumed');
    };
    return html`
      <div style=${toolbarStyle}>
        <progress ${ref(bar)} max="1" value="0" aria-label="Layout progress"></progress>
        <button type="button" @click=${pause}>Pause</button>
        <button type="button" @click=${resume}>Resume</button>
        <button type="button" @click=${() => graph.value?.relayout()}>Lay out again</button>
        <output ${ref(status)}>Waiting for the layout</output>
      </div>
      <il-incident-graph
        ${ref(graph)}
        style=${`height: ${args.height}px`}
        .session=${sessionOn(generateIncidentSnapshot({ entityCount: 3000 }))}
        @il-layout-progress=${onProgress}
        @il-layout-end=${onEnd}
      ></il-incident-graph>
    `;
  },
};
