/** Files the incident view exports: the snapshot as JSON and the graph as PNG or SVG. */

import type { IncidentSnapshot } from '../../model/types.js';

export type GraphImageFormat = 'png' | 'svg';

/** The graph element's export methods, as `il-incident-graph` has them. */
export interface GraphExporter extends HTMLElement {
  toPNG(): Promise<Blob>;
  toSVG(): Promise<string>;
}

/** Returns the snapshot as indented JSON in a Blob of type `application/json`. */
export function snapshotBlob(snapshot: IncidentSnapshot): Blob {
  return new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' });
}

/** Draws the graph element's picture as a PNG, or serialises it as an SVG document. */
export async function graphBlob(graph: GraphExporter, format: GraphImageFormat): Promise<Blob> {
  if (format === 'png') return graph.toPNG();
  return new Blob([await graph.toSVG()], { type: 'image/svg+xml' });
}

/**
 * Returns a file name for an export of the incident. Characters that are not safe in file
 * names on common systems become `_`.
 */
export function exportFileName(incidentId: string, suffix: string, extension: string): string {
  const safeId = incidentId.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'incident';
  return `incident-${safeId}-${suffix}.${extension}`;
}

/** How long the object URL of a download stays valid. The browser reads it when the click starts. */
const URL_LIFETIME_MS = 10_000;

/** Saves a Blob as a file through a temporary link with a `download` attribute. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  }
}
