// Handlers of the "calendar" operations (src-shared/api/calendar.ts).
import type { calendarOps } from '../../../src-shared/api/calendar';
import type { FeatureHandlers } from '../handler-types';

export const calendarHandlers: FeatureHandlers<typeof calendarOps> = {};
