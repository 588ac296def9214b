// Create a committee: name, short name, numbering rule, how closed items are published, usual place and time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { NumberingRule, PublicationProfile } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { navigate } from '../../app/router';
import { DialogActions } from '../../components/DialogActions';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { NumberingSelect } from './NumberingSelect';
import { PublicationProfileSelect } from './PublicationProfileSelect';
import { TimeField } from '../../components/DateFields';

export function CreateCommitteeDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [numbering, setNumbering] = useState<NumberingRule>('per-meeting');
  const [profile, setProfile] = useState<PublicationProfile>('committee');
  const [location, setLocation] = useState('');
  const [start, setStart] = useState('');
  const create = useAction({
    mutationFn: () =>
      api.committees.create({
        name,
        shortName: shortName || null,
        numbering,
        publicationProfile: profile,
        defaults: { location: location || null, start: start || null },
      }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: keys.committees });
      onOpenChange(false);
      setName('');
      setShortName('');
      setLocation('');
      setStart('');
      setProfile('committee');
      navigate({ view: 'committee', committeeId: c.id });
    },
  });
  return (
    <Dialog title={t('committee.createTitle')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextField label={t('committee.name')} value={name} onChange={setName} isRequired autoFocus />
        <TextField label={t('committee.shortName')} value={shortName} onChange={setShortName} />
        <NumberingSelect value={numbering} onChange={setNumbering} />
        <PublicationProfileSelect value={profile} onChange={setProfile} />
        <TextField label={t('committee.defaultLocation')} value={location} onChange={setLocation} />
        <TimeField label={t('committee.defaultStart')} value={start} onChange={setStart} />
        <DialogActions error={create.error} onCancel={() => onOpenChange(false)} confirm={t('actions.create')} pending={create.isPending} />
      </Form>
    </Dialog>
  );
}
