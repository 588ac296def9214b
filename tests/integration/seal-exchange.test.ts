// Issue 10 §3/§4 through the exchange: approved minutes that leave a store (the streamed
// export-json, a .referent.zip bundle) and arrive in another are sealed there with what they
// printed, whichever way the file is read (a .json streamed committee by committee, a bundle whole).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadReferat } from '../../src-main/core/documents/documents.service';
import { verifyStore } from '../../src-main/core/meetingday/verify';
import { openSqliteStore } from '../../src-main/core/store/open';
import type { ReferentDocument } from '../../src-shared/exchange';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/store';
import { approvedMeetingDayDocument, MEETING } from './meetingday-fixture';

/** The meeting-day document with its meeting of 2 June approved, from an organisation with a name. */
function approvedDocument(): ReferentDocument {
  return { ...approvedMeetingDayDocument(), organization: { name: 'Testrup Kommune' } };
}

/** What the approved minutes in `file` print: the organisation, committee and members, as the document tree has them. */
async function printed(file: string): Promise<{ organization: string | null; committee: string; facts: string; sealed: boolean }> {
  const store = openSqliteStore(file, { readOnly: true });
  try {
    const { doc } = await loadReferat(store.db, { meetingId: MEETING, kind: 'minutes', public: false });
    expect((await verifyStore(store.db, { keyFiles: [] })).fault).toBeNull();
    return { organization: doc.organization.name, committee: doc.committee, facts: JSON.stringify(doc.facts), sealed: doc.seal !== null };
  } finally {
    await store.close();
  }
}

describe('a meeting imported as approved', () => {
  test('is sealed with the organisation the file names, read streamed (.json) or whole (.referent.zip)', async () => {
    const dir = tempDir('referent-seal-exchange-');
    const json = path.join(dir, 'in.referent.json');
    fs.writeFileSync(json, JSON.stringify(approvedDocument(), null, 2));
    // A .json is read as a stream, its organisation arriving before its committees.
    expect(await cli(['import', json, '--db', path.join(dir, 'streamed.sqlite')])).toMatchObject({ code: 0 });
    const streamed = await printed(path.join(dir, 'streamed.sqlite'));
    expect(streamed).toMatchObject({ organization: 'Testrup Kommune', committee: 'Organisations- og Beredskabsudvalget', sealed: true });

    // The same store exported as a bundle (the streamed writer) and imported whole elsewhere.
    const zip = path.join(dir, 'out.referent.zip');
    expect(await cli(['export-json', '--out', zip, '--db', path.join(dir, 'streamed.sqlite')])).toMatchObject({ code: 0 });
    expect(await cli(['import', zip, '--db', path.join(dir, 'bundled.sqlite')])).toMatchObject({ code: 0 });
    expect(await printed(path.join(dir, 'bundled.sqlite'))).toEqual(streamed);
  });
});

