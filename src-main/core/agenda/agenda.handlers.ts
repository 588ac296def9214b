// Handlers of the "agenda" operations (src-shared/api/agenda.ts).
import type { agendaOps } from '../../../src-shared/api/agenda';
import type { FeatureHandlers } from '../handler-types';

export const agendaHandlers: FeatureHandlers<typeof agendaOps> = {};
