// Version 5: the page each chapter of a document starts on, as the PDF printed it. The .docx
// writer's TOC reuses these numbers, and a PDF of an unchanged document prints once, not twice.
import type { Migration } from './types';

export const pageCache: Migration = {
  version: 3,
  name: '0030-page-cache',
  up: (db) => {
    db.exec(`
      CREATE TABLE document_page_cache (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('agenda', 'minutes', 'decisions')),
        public INTEGER NOT NULL CHECK (public IN (0, 1)),
        content_hash TEXT NOT NULL,
        pages TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, kind, public)
      );
    `);
  },
};
