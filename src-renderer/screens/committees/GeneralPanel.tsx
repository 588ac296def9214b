// The committee's name, short name, numbering rule, publication profile and usual place and time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { Committee, NumberingRule, PublicationProfile } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { NumberingSelect } from './NumberingSelect';
import { PublicationProfileSelect } from './PublicationProfileSelect';
import { TimeField } from '../../components/DateFields';

export function GeneralPanel({ committee }: { committee: Committee }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('committees');
  const qc = useQueryClient();
  const [name, setName] = useState(committee.name);
  const [shortName, setShortName] = useState(committee.shortName ?? '');
  const [numbering, setNumbering] = useState<NumberingRule>(committee.numbering);
  const [profile, setProfile] = useState<PublicationProfile>(committee.publicationProfile);
  const [location, setLocation] = useState(committee.defaults.location ?? '');
  const [start, setStart] = useState(committee.defaults.start ?? '');
  const [end, setEnd] = useState(committee.defaults.end ?? '');
  const save = useAction({
    mutationFn: () => api.committees.update({ id: committee.id, name, shortName: shortName || null, numbering, publicationProfile: profile, defaults: { location: location || null, start: start || null, end: end || null } }),
    onSuccess: async (c) => {
      qc.setQueryData(keys.committee(committee.id), c);
      await Promise.all(['committees', 'agenda', 'meetings'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
  });
  return (
    <Form
      className="form form-narrow"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label={t('committee.name')} value={name} onChange={setName} isRequired />
      <TextField label={t('committee.shortName')} value={shortName} onChange={setShortName} />
      <NumberingSelect value={numbering} onChange={setNumbering} />
      <PublicationProfileSelect value={profile} onChange={setProfile} />
      <TextField label={t('committee.defaultLocation')} value={location} onChange={setLocation} />
      <div className="form-row">
        <TimeField label={t('committee.defaultStart')} value={start} onChange={setStart} />
        <TimeField label={tc('general.defaultEnd')} value={end} onChange={setEnd} />
      </div>
      <ErrorText error={save.error} />
      <div className="form-actions">
        {save.isSuccess && <span role="status">{tc('saved')}</span>}
        <Button variant="primary" type="submit" pending={save.isPending}>
          {t('actions.save')}
        </Button>
      </div>
    </Form>
  );
}
