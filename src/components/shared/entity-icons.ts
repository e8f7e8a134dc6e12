/**
 * Icons of the entity kinds and of alerts, as SVG path data on a 24 × 24 view box, filled with
 * the even-odd rule (inner subpaths cut holes). The same strings draw in DOM SVG
 * (`<svg viewBox="0 0 24 24"><path fill-rule="evenodd" d="…">`) and on a canvas through
 * `iconPath2D`. Importing this module touches no browser global.
 */

import type { NodeKind } from '../../model/graph-types.js';

/** Side of the square view box that every icon path is drawn in. */
export const ICON_VIEW_BOX_SIZE = 24;

/** Fill rule every icon needs, for SVG `fill-rule` and `CanvasRenderingContext2D.fill`. */
export const ICON_FILL_RULE = 'evenodd' as const;

export const ENTITY_ICON_PATHS: Readonly<Record<NodeKind, string>> = {
  alert: 'M12 2 23 21H1Z M12 6.2 4.5 19h15Z M11 9h2v5.5h-2Z M11 15.5h2v2h-2Z',
  device: 'M3 4h18v12H3Z M5 6v8h14V6Z M10 16h4v2h3v2H7v-2h3Z',
  user: 'M12 3a4 4 0 1 1 0 8 4 4 0 1 1 0-8Z M4 21c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5Z',
  mailbox: 'M3 5h18v14H3Z M5 7v5h4l1 2h4l1-2h4V7Z',
  mailMessage: 'M2 5h20v14H2Z M4 7.5V17h16V7.5L12 13Z',
  mailCluster: 'M6 2h16v12h-2V4H6Z M2 7h16v14H2Z M4 9.5V19h12V9.5L10 14Z',
  file: 'M5 2h9l5 5v15H5Z M7 4v16h10V8h-4V4Z',
  process: 'M2 4h20v16H2Z M4 8v10h16V8Z M6 10.5 7 9.5l3.5 3-3.5 3-1-1 2.3-2Z M12 15h5v1.5h-5Z',
  ip: 'M9 9h6v6H9Z M10 2h4v4h-4Z M11 6h2v3h-2Z M10 18h4v4h-4Z M11 15h2v3h-2Z M2 10h4v4H2Z M6 11h3v2H6Z M18 10h4v4h-4Z M15 11h3v2h-3Z',
  url: 'M12 2a10 10 0 1 1 0 20 10 10 0 1 1 0-20Z M12 4a8 8 0 1 0 0 16 8 8 0 1 0 0-16Z M11 4h2v16h-2Z M4 11h7v2H4Z M13 11h7v2h-7Z',
  dnsName: 'M11 2h2v3h-2Z M11 10h2v3h-2Z M11 18h2v4h-2Z M4 5h13l3 2.5-3 2.5H4Z M20 13H7l-3 2.5L7 18h13Z',
  cloudApp: 'M7 19a5 5 0 0 1-.6-9.96A6 6 0 0 1 18 8.6 4.5 4.5 0 0 1 17.5 19Z',
  oauthApp: 'M7.5 7a5 5 0 1 1 0 10 5 5 0 1 1 0-10Z M7.5 10a2 2 0 1 0 0 4 2 2 0 1 0 0-4Z M12.5 11H22v2h-2v3h-2v-3h-2v2h-2v-2h-1.5Z',
  cloudResource: 'M3 4h18v4H3Z M3 10h18v4H3Z M3 16h18v4H3Z',
  registryKey: 'M3 3h7v7H3Z M14 3h7v7h-7Z M3 14h7v7H3Z M14 14h7v7h-7Z',
  registryValue: 'M3 5h18v14H3Z M5 7v10h14V7Z M7 9h10v2H7Z M7 13h6v2H7Z',
  securityGroup:
    'M9 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 1 1 0-7Z M2 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5Z M16.5 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6Z M17.5 13.6c2.7.5 4.5 2.7 4.5 5.9h-4.5c0-2.4-.9-4.4-2.5-5.6Z',
  container: 'M12 2 21 7v10l-9 5-9-5V7Z M12 4.3 5 8.2v7.6l7 3.9 7-3.9V8.2Z M8 9.5h8v5H8Z',
  other: 'M12 3l9 9-9 9-9-9Z M12 6.5 6.5 12l5.5 5.5 5.5-5.5Z M10.5 10.5h3v3h-3Z',
};

/** Returns the SVG path data of a kind's icon; an unknown kind gets the `other` icon. */
export function iconPathData(kind: NodeKind | string): string {
  return ENTITY_ICON_PATHS[kind as NodeKind] ?? ENTITY_ICON_PATHS.other;
}

const path2DCache = new Map<string, Path2D>();

/**
 * Returns a kind's icon as a cached `Path2D` in view box units, for a canvas. Fill it with
 * `ICON_FILL_RULE` after scaling the context by size / `ICON_VIEW_BOX_SIZE`.
 */
export function iconPath2D(kind: NodeKind | string): Path2D {
  const data = iconPathData(kind);
  let path = path2DCache.get(data);
  if (!path) {
    path = new Path2D(data);
    path2DCache.set(data, path);
  }
  return path;
}
