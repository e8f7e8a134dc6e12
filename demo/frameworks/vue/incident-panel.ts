/**
 * A Vue 3 component that embeds `<il-incident-view>` with a render function and shows what the
 * user selected. Render functions need neither the runtime template compiler (which a strict
 * Content Security Policy blocks, since it evaluates generated code) nor a build step.
 */

import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { createStaticAdapter } from '../../../src/adapter/index.js';
import type { SelectionChangeDetail, SelectionChangeEvent } from '../../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../../src/model/types.js';
import '../../../src/components/incident-view/define.js';

/** The incident view of one snapshot, and a line that names the selected entities and alerts. */
export const IncidentPanel = defineComponent({
  name: 'IncidentPanel',

  props: {
    snapshot: { type: Object as PropType<IncidentSnapshot>, required: true },
  },

  emits: {
    /** Selection change by the user in the view, emitted once per change. */
    selectionChange: (selection: SelectionChangeDetail) => Array.isArray(selection.entityIds),
  },

  setup(props, { emit }) {
    const adapter = computed(() => createStaticAdapter(props.snapshot));
    const selection = ref<SelectionChangeDetail>({ entityIds: [], alertIds: [] });

    const handleSelectionChange = (event: SelectionChangeEvent): void => {
      selection.value = event.detail;
      emit('selectionChange', event.detail);
    };

    return () => {
      const selected = [...selection.value.entityIds, ...selection.value.alertIds];

      return h('section', { class: 'incident-panel' }, [
        h('il-incident-view', {
          // `.` binds a DOM property, so the element gets the adapter object itself.
          '.adapter': adapter.value,
          'incident-id': props.snapshot.incident.id,
          style: { display: 'block', height: '640px' },
          // Vue turns `onIlSelectionChange` into a listener for `il-selection-change`.
          onIlSelectionChange: handleSelectionChange,
        }),
        h('p', { class: 'selection', role: 'status' }, selected.length > 0 ? `Selected: ${selected.join(', ')}` : 'Nothing selected'),
      ]);
    };
  },
});
