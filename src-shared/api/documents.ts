// Operations of the "documents" feature (see src-shared/api.ts).
import type { Operation } from './define';

export const documentOps = {} satisfies Record<string, Operation>;
