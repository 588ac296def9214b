// Operations of the "meetingday" feature (see src-shared/api.ts).
import type { Operation } from './define';

export const meetingDayOps = {} satisfies Record<string, Operation>;
