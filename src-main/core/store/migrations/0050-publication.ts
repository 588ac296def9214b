// Version 5: the lawful public version. A committee's publication profile (what the public
// version keeps of a closed item), and per closed item its public title and why it was closed.
// Whether a closed item's decision is published becomes three-valued: published, withheld, or
// (NULL) as the committee's profile says; the old 0/1 column held only "published" or nothing.
import type { Migration } from './types';

export const publication: Migration = {
  version: 5,
  name: '0050-publication',
  up: (db) => {
    db.exec(`
      ALTER TABLE committees ADD COLUMN publication_profile TEXT NOT NULL DEFAULT 'committee'
        CHECK (publication_profile IN ('council', 'committee'));

      ALTER TABLE items ADD COLUMN public_title TEXT;
      ALTER TABLE items ADD COLUMN closed_reason TEXT
        CHECK (closed_reason IN ('personal', 'property', 'tender', 'other'));
      ALTER TABLE items ADD COLUMN closed_reason_text TEXT;

      ALTER TABLE decisions ADD COLUMN publication TEXT
        CHECK (publication IN ('published', 'withheld'));
      UPDATE decisions SET publication = 'published' WHERE public = 1;
      ALTER TABLE decisions DROP COLUMN public;
    `);
  },
};
