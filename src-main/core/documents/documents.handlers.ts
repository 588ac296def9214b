// Handlers of the "documents" operations (src-shared/api/documents.ts).
import type { documentOps } from '../../../src-shared/api/documents';
import type { FeatureHandlers } from '../handler-types';

export const documentHandlers: FeatureHandlers<typeof documentOps> = {};
