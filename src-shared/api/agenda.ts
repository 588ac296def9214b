// Operations of the "agenda" feature (see src-shared/api.ts).
import type { Operation } from './define';

export const agendaOps = {} satisfies Record<string, Operation>;
