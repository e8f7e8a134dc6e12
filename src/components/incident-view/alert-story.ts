/**
 * Renders the story of one alert in the side pane of `il-incident-view`: what happened, the
 * actions taken and the related events, as far as the adapter provides them.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { Alert, AlertStoryEvent, Entity } from '../../model/types.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings } from '../shared/strings.js';

registerStrings({
  'view.story.heading': 'Alert story',
  'view.story.whatHappened': 'What happened',
  'view.story.actionsTaken': 'Actions taken',
  'view.story.relatedEvents': 'Related events',
  'view.story.none': 'The source provides no story for this alert.',
  'view.story.noTime': 'Time not provided',
});

export interface AlertStoryHandlers {
  selectEntity(entityId: string): void;
}

export function renderAlertStory(
  alert: Alert,
  entities: ReadonlyMap<string, Entity>,
  handlers: AlertStoryHandlers,
  format: LocaleFormat,
): TemplateResult {
  const story = alert.story;
  const actions = story?.actionsTaken?.filter((action) => action.trim() !== '') ?? [];
  const events = story?.relatedEvents ?? [];
  const empty = !story?.whatHappened && actions.length === 0 && events.length === 0;

  return html`
    <section class="story-section" part="alert-story" aria-labelledby="alert-story-heading">
      <h4 id="alert-story-heading">${msg('view.story.heading')}</h4>
      ${empty ? html`<p class="hint-inline">${msg('view.story.none')}</p>` : nothing}
      ${story?.whatHappened
        ? html`<h5>${msg('view.story.whatHappened')}</h5><p class="prose">${story.whatHappened}</p>`
        : nothing}
      ${actions.length > 0
        ? html`<h5>${msg('view.story.actionsTaken')}</h5><ul class="bullets">${actions.map((action) => html`<li>${action}</li>`)}</ul>`
        : nothing}
      ${events.length > 0
        ? html`<h5>${msg('view.story.relatedEvents')}</h5>
            <ol class="events">${sortedEvents(events).map((event) => renderEvent(event, entities, handlers, format))}</ol>`
        : nothing}
    </section>
  `;
}

/** Returns the events in time order. Events without a time keep their place after the timed ones. */
function sortedEvents(events: readonly AlertStoryEvent[]): AlertStoryEvent[] {
  const timed = events.filter((event) => event.time !== undefined && Number.isFinite(event.time));
  const untimed = events.filter((event) => !(event.time !== undefined && Number.isFinite(event.time)));
  return [...timed.sort((a, b) => a.time! - b.time!), ...untimed];
}

function renderEvent(
  event: AlertStoryEvent,
  entities: ReadonlyMap<string, Entity>,
  handlers: AlertStoryHandlers,
  format: LocaleFormat,
): TemplateResult {
  const involved = (event.entityIds ?? []).map((id) => entities.get(id)).filter((entity) => entity !== undefined);
  return html`
    <li>
      <span class="event-time">${renderTime(format, event.time) ?? msg('view.story.noTime')}</span>
      <span>${event.title}</span>
      ${involved.map(
        (entity) => html`<button type="button" class="link-button" @click=${() => handlers.selectEntity(entity.id)}>${entity.displayName}</button>`,
      )}
    </li>
  `;
}
