/**
 * Default strings of `il-alert-timeline`, under `timeline.*` in the shared string table. The
 * element module registers them, because the package marks only its `define` modules as
 * having side effects, so a bundler may drop a bare import of a module that registers itself.
 */

export const TIMELINE_STRINGS: Readonly<Record<string, string>> = {
  'timeline.label': 'Alert timeline',
  'timeline.controls': 'Playback',
  'timeline.play': 'Play',
  'timeline.pause': 'Pause',
  'timeline.toStart': 'Go to start',
  'timeline.toEnd': 'Go to end',
  'timeline.markers': 'Alerts by time',
  'timeline.marker': '{title}, {severity}, {time}',
  'timeline.markerRelated': '{name}, involves the selected entity',
  'timeline.markerSpan': '{title}, {severity}, {time} to {end}',
  'timeline.playhead': 'Time cursor',
  'timeline.timeUnknown': 'Time unknown ({count})',
  'timeline.untimedAlert': '{title}, {severity}, time unknown',
  'timeline.noIncident': 'No incident loaded.',
  'timeline.loading': 'Loading the incident…',
  'timeline.loadError': 'The incident could not be loaded.',
  'timeline.noAlerts': 'This incident has no alerts.',
  'timeline.noTimes': 'No alert in this incident has a time.',
};
