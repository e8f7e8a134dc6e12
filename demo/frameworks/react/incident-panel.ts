/**
 * A React 19 component that embeds `<il-incident-view>` through the typed wrapper and shows
 * what the user selected. It is written with `React.createElement`, so it runs without a JSX
 * build step. The README shows the same component in JSX.
 */

import { createElement, useMemo, useState } from 'react';
import { createStaticAdapter } from '../../../src/adapter/index.js';
import type { IncidentSnapshot } from '../../../src/model/types.js';
import type { SelectionChangeDetail } from '../../../src/components/shared/events.js';
import { IlIncidentView } from './wrappers.js';

export interface IncidentPanelProps {
  snapshot: IncidentSnapshot;
  /** Called once for each selection the user makes in the view. */
  onSelectionChange?: (selection: SelectionChangeDetail) => void;
}

/** Renders the incident view of one snapshot and a line that names the selected entities and alerts. */
export function IncidentPanel({ snapshot, onSelectionChange }: IncidentPanelProps) {
  const adapter = useMemo(() => createStaticAdapter(snapshot), [snapshot]);
  const [selection, setSelection] = useState<SelectionChangeDetail>({ entityIds: [], alertIds: [] });

  const selected = [...selection.entityIds, ...selection.alertIds];

  return createElement(
    'section',
    { className: 'incident-panel' },
    createElement(IlIncidentView, {
      adapter,
      incidentId: snapshot.incident.id,
      style: { display: 'block', height: '640px' },
      onIlSelectionChange: (event) => {
        setSelection(event.detail);
        onSelectionChange?.(event.detail);
      },
    }),
    createElement('p', { className: 'selection', role: 'status' }, selected.length > 0 ? `Selected: ${selected.join(', ')}` : 'Nothing selected'),
  );
}
