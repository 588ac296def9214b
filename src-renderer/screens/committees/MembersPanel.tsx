// A committee's members: role, title, party and membership period. A member who left is kept
// (old meetings name them) and shown apart from the current ones; one added by mistake is deleted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import { MEMBER_ROLES, type Committee, type MemberDto, type MemberRole } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Button } from '../../components/Button';
import { DialogActions } from '../../components/DialogActions';
import { Dialog } from '../../components/Dialog';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateFields';
import { shortDate } from '../../lib/dates';

const today = (): string => new Date().toISOString().slice(0, 10);
const hasLeft = (m: MemberDto): boolean => m.until !== null && m.until < today();

function MemberDialog({ committee, member, onClose }: { committee: Committee; member: MemberDto | null; onClose: () => void }) {
  const { t } = useTranslation('committees');
  const qc = useQueryClient();
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<MemberRole>(member?.role ?? 'member');
  const [title, setTitle] = useState(member?.title ?? '');
  const [party, setParty] = useState(member?.party ?? '');
  const [from, setFrom] = useState(member?.from ?? '');
  const [until, setUntil] = useState(member?.until ?? '');
  const save = useAction({
    mutationFn: () => {
      const fields = { name, role, title: title || null, party: party || null, from: from || null, until: until || null };
      return member ? api.committees.updateMember({ committeeId: committee.id, key: member.key, ...fields }) : api.committees.addMember({ committeeId: committee.id, ...fields });
    },
    onSuccess: (c) => {
      qc.setQueryData(keys.committee(committee.id), c);
      onClose();
    },
  });
  return (
    <Dialog title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')} isOpen onOpenChange={(o) => !o && onClose()}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField label={t('members.name')} value={name} onChange={setName} isRequired autoFocus />
        <Select label={t('members.role')} value={role} onChange={(v) => setRole(v as MemberRole)} options={MEMBER_ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) }))} />
        <div className="form-row">
          <TextField label={t('members.title')} value={title} onChange={setTitle} placeholder={t('members.titlePlaceholder')} />
          <TextField label={t('members.party')} value={party} onChange={setParty} placeholder="V" />
        </div>
        <div className="form-row">
          <DateField label={t('members.from')} value={from} onChange={setFrom} />
          <DateField label={t('members.until')} value={until} onChange={setUntil} />
        </div>
        <DialogActions error={save.error} onCancel={onClose} confirm={member ? t('actions.save') : t('members.add')} pending={save.isPending} isDisabled={name.trim() === ''} />
      </Form>
    </Dialog>
  );
}

function EndMembershipDialog({ committee, member, onClose }: { committee: Committee; member: MemberDto; onClose: () => void }) {
  const { t } = useTranslation('committees');
  const qc = useQueryClient();
  const [until, setUntil] = useState(today());
  const end = useAction({
    mutationFn: () => api.committees.endMembership({ committeeId: committee.id, key: member.key, until }),
    onSuccess: (c) => {
      qc.setQueryData(keys.committee(committee.id), c);
      onClose();
    },
  });
  return (
    <Dialog title={t('members.endTitle', { name: member.name })} isOpen onOpenChange={(o) => !o && onClose()}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          end.mutate();
        }}
      >
        <p className="muted">{t('members.endExplain')}</p>
        <DateField label={t('members.lastDay')} value={until} onChange={setUntil} isRequired autoFocus />
        <DialogActions error={end.error} onCancel={onClose} confirm={t('members.end')} pending={end.isPending} isDisabled={!until} />
      </Form>
    </Dialog>
  );
}

/** Deletes a member added by mistake; one the minutes name is refused with the reason, and ending the membership is offered instead. */
function DeleteMemberDialog({ committee, member, onClose, onEndInstead }: { committee: Committee; member: MemberDto; onClose: () => void; onEndInstead: () => void }) {
  const { t } = useTranslation('committees');
  const qc = useQueryClient();
  const remove = useAction({
    mutationFn: () => api.committees.removeMember({ committeeId: committee.id, key: member.key }),
    onSuccess: (c) => {
      qc.setQueryData(keys.committee(committee.id), c);
      onClose();
    },
  });
  const refused = remove.error !== null;
  return (
    <Dialog title={t('members.deleteTitle', { name: member.name })} isOpen onOpenChange={(o) => !o && onClose()}>
      <div className="form">
        <p>{t('members.deleteQuestion', { name: member.name })}</p>
        {refused ? (
          <>
            <p className="form-error" role="alert">
              {remove.error.message}
            </p>
            <div className="form-actions">
              <Button variant="quiet" onPress={onClose}>
                {t('actions.back')}
              </Button>
              <Button variant="primary" onPress={onEndInstead}>
                {t('members.endInstead')}
              </Button>
            </div>
          </>
        ) : (
          <DialogActions error={null} onCancel={onClose} confirm={t('members.delete')} onConfirm={() => remove.mutate()} pending={remove.isPending} variant="danger" />
        )}
      </div>
    </Dialog>
  );
}

export function MembersPanel({ committee }: { committee: Committee }) {
  const { t } = useTranslation('committees');
  const [editing, setEditing] = useState<MemberDto | 'new' | null>(null);
  const [ending, setEnding] = useState<MemberDto | null>(null);
  const [deleting, setDeleting] = useState<MemberDto | null>(null);
  const current = committee.members.filter((m) => !hasLeft(m));
  const former = committee.members.filter(hasLeft);
  const { i18n } = useTranslation();
  const period = (m: MemberDto): string => (m.from || m.until ? `${m.from ? shortDate(m.from, i18n.language) : '…'} – ${m.until ? shortDate(m.until, i18n.language) : ''}` : '');

  const table = (list: MemberDto[], caption: string, canEnd: boolean) => (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('members.name')}</th>
          <th scope="col">{t('members.role')}</th>
          <th scope="col">{t('members.title')}</th>
          <th scope="col">{t('members.party')}</th>
          <th scope="col">{t('members.period')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('members.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((m) => (
          <tr key={m.key}>
            <th scope="row">{m.name}</th>
            <td>{t(`roles.${m.role}`)}</td>
            <td>{m.title ?? ''}</td>
            <td>{m.party ?? ''}</td>
            <td className="nowrap">{period(m)}</td>
            <td className="row-actions">
              <Button variant="quiet" aria-label={t('members.editLabel', { name: m.name })} onPress={() => setEditing(m)}>
                {t('actions.edit')}
              </Button>
              {canEnd && (
                <Button variant="quiet" aria-label={t('members.endLabel', { name: m.name })} onPress={() => setEnding(m)}>
                  {t('members.end')}
                </Button>
              )}
              <Button variant="quiet" aria-label={t('members.deleteLabel', { name: m.name })} onPress={() => setDeleting(m)}>
                {t('members.delete')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="panel">
      <div className="toolbar">
        <h2>{t('members.heading')}</h2>
        <Button onPress={() => setEditing('new')}>+ {t('members.add')}</Button>
      </div>
      {current.length === 0 ? <p className="empty">{t('members.none')}</p> : table(current, t('members.current'), true)}
      {former.length > 0 && table(former, t('members.former'), false)}
      {editing && <MemberDialog committee={committee} member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {ending && <EndMembershipDialog committee={committee} member={ending} onClose={() => setEnding(null)} />}
      {deleting && (
        <DeleteMemberDialog
          committee={committee}
          member={deleting}
          onClose={() => setDeleting(null)}
          onEndInstead={() => {
            setEnding(deleting);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
