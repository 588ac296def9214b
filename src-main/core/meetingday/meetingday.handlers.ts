// Handlers of the "meetingday" operations (src-shared/api/meetingday.ts).
import type { meetingDayOps } from '../../../src-shared/api/meetingday';
import type { FeatureHandlers } from '../handler-types';

export const meetingDayHandlers: FeatureHandlers<typeof meetingDayOps> = {};
