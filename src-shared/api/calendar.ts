// Operations of the "calendar" feature (see src-shared/api.ts).
import type { Operation } from './define';

export const calendarOps = {} satisfies Record<string, Operation>;
