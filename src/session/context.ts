/**
 * The context key through which an ancestor (usually `il-incident-view`) shares its session
 * with the elements inside it. Uses the Context Community Protocol of `@lit/context`.
 */

import { createContext } from '@lit/context';
import type { IncidentSession } from './session.js';

export const sessionContext = createContext<IncidentSession | undefined>(
  Symbol.for('incident-lens.session'),
);
