/**
 * Dependencies that the demo's and Storybook's Vite servers pre-bundle before the first page
 * load. Without the list, Vite discovers a late import (such as a Lit directive) while serving,
 * bundles again, fails the first load with "504 Outdated Optimize Dep" and can load Lit twice.
 */
export const prebundled = [
  'lit',
  'lit/directives/if-defined.js',
  'lit/directives/ref.js',
  'lit/directives/style-map.js',
  '@lit/context',
  'graphology',
  'd3-force',
  'd3-quadtree',
  'd3-scale',
];
