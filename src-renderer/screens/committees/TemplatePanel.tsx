// The committee's house style: section headings and their order, where the decision goes and
// its heading, attendance lines under items, standard decision phrases and standard items, with a
// live preview of a sample meeting laid out by the documents' own writer as the settings change.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Switch } from 'react-aria-components';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import { DEFAULT_HEADINGS_DA, ITEM_ROLES, resolveTemplate, type Committee, type CommitteeTemplate, type ItemRole, type SectionKind, type StandardItem } from '../../../src-shared/domain';
import { fillPlaceholders } from '../../../src-shared/dates';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';

function Toggle({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <Switch className="switch" isSelected={value} onChange={onChange}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {label}
    </Switch>
  );
}

export function TemplatePanel({ committee }: { committee: Committee }) {
  const { t } = useTranslation('committees');
  const qc = useQueryClient();
  const initial = resolveTemplate(committee.template);
  const [order, setOrder] = useState<SectionKind[]>(initial.order);
  const [headings, setHeadings] = useState<Record<SectionKind, string>>(initial.headings);
  const [decisionFirst, setDecisionFirst] = useState(initial.decisionFirst);
  const [decisionHeading, setDecisionHeading] = useState(initial.decisionHeading);
  const [attendance, setAttendance] = useState(initial.attendanceUnderItems);
  const [signaturePage, setSignaturePage] = useState(initial.signaturePage);
  const [phrases, setPhrases] = useState(initial.phrases.join('\n'));
  const [standard, setStandard] = useState<StandardItem[]>(initial.standardItems);
  const [memberTitles, setMemberTitles] = useState(initial.memberTitles);
  const [sectionsHeading, setSectionsHeading] = useState(initial.sectionsHeading);
  const [attendanceAtEnd, setAttendanceAtEnd] = useState(initial.attendanceAtEnd);
  const [substituteInHeader, setSubstituteInHeader] = useState(initial.substituteInHeader);

  const changed = Object.fromEntries(Object.entries(headings).filter(([k, v]) => v.trim() && v.trim() !== DEFAULT_HEADINGS_DA[k as SectionKind]).map(([k, v]) => [k, v.trim()]));
  const template: CommitteeTemplate = {
    ...(Object.keys(changed).length > 0 ? { headings: changed } : {}),
    order,
    decisionFirst,
    decisionHeading: decisionHeading.trim() || initial.decisionHeading,
    attendanceUnderItems: attendance,
    signaturePage,
    phrases: phrases.split('\n').map((p) => p.trim()).filter(Boolean),
    standardItems: standard.filter((s) => s.title.trim()).map((s) => ({ ...s, title: s.title.trim() })),
    memberTitles,
    sectionsHeading: sectionsHeading.trim(),
    attendanceAtEnd,
    substituteInHeader,
  };
  const save = useAction({
    mutationFn: () => api.committees.update({ id: committee.id, template }),
    onSuccess: (c) => qc.setQueryData(keys.committee(committee.id), c),
  });
  const move = (i: number, delta: number): void => {
    const next = [...order];
    const [k] = next.splice(i, 1);
    next.splice(i + delta, 0, k!);
    setOrder(next);
  };
  const putStandard = (i: number, s: Partial<StandardItem>): void => setStandard(standard.map((x, j) => (j === i ? { ...x, ...s } : x)));
  const preview = fillPlaceholders(decisionHeading || initial.decisionHeading, { committee: committee.name, start: '2026-06-02T14:30' });

  return (
    <div className="template-layout">
      <Form
        className="form template-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <fieldset className="fieldset">
          <legend>{t('template.sections')}</legend>
          <p className="muted">{t('template.sectionsExplain')}</p>
          <ol className="section-order">
            {order.map((kind, i) => (
              <li key={kind} className="section-order-row">
                <span className="section-order-index" aria-hidden="true">
                  {i + 1}
                </span>
                <TextField label={t('template.headingFor', { kind: t(`kinds.${kind}`) })} value={headings[kind]} onChange={(v) => setHeadings({ ...headings, [kind]: v })} />
                <Button variant="quiet" isDisabled={i === 0} aria-label={t('template.up', { heading: headings[kind] })} onPress={() => move(i, -1)}>
                  ↑
                </Button>
                <Button variant="quiet" isDisabled={i === order.length - 1} aria-label={t('template.down', { heading: headings[kind] })} onPress={() => move(i, 1)}>
                  ↓
                </Button>
              </li>
            ))}
          </ol>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('template.decision')}</legend>
          <Select
            label={t('template.decisionPlace')}
            value={decisionFirst ? 'first' : 'last'}
            onChange={(v) => setDecisionFirst(v === 'first')}
            options={[
              { id: 'last', label: t('template.decisionLast') },
              { id: 'first', label: t('template.decisionFirst') },
            ]}
          />
          <TextField label={t('template.decisionHeading')} value={decisionHeading} onChange={setDecisionHeading} description={t('template.placeholders')} />
          <p className="preview">
            <span className="muted">{t('template.preview')}</span> {preview}
          </p>
          <TextField label={t('template.phrases')} multiline value={phrases} onChange={setPhrases} description={t('template.phrasesHint')} />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('template.printing')}</legend>
          <TextField label={t('template.sectionsHeading')} value={sectionsHeading} onChange={setSectionsHeading} placeholder="Sagsfremstilling" description={t('template.sectionsHeadingHint')} />
          <Toggle label={t('template.memberTitles')} value={memberTitles} onChange={setMemberTitles} />
          <Toggle label={t('template.substituteInHeader')} value={substituteInHeader} onChange={setSubstituteInHeader} />
          <Toggle label={t('template.attendance')} value={attendance} onChange={setAttendance} />
          <Toggle label={t('template.attendanceAtEnd')} value={attendanceAtEnd} onChange={setAttendanceAtEnd} />
          <Toggle label={t('template.signaturePage')} value={signaturePage} onChange={setSignaturePage} />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('template.standardItems')}</legend>
          <p className="muted">{t('template.standardExplain')}</p>
          {standard.map((s, i) => (
            <div key={i} className="standard-item">
              <TextField label={t('template.standardTitle', { n: i + 1 })} value={s.title} onChange={(title) => putStandard(i, { title })} />
              <Select
                label={t('template.standardRole', { n: i + 1 })}
                value={s.role ?? 'none'}
                onChange={(v) => putStandard(i, { role: v === 'none' ? undefined : (v as ItemRole) })}
                options={[{ id: 'none', label: t('itemRoles.none') }, ...ITEM_ROLES.map((r) => ({ id: r, label: t(`itemRoles.${r}`) }))]}
              />
              <Select
                label={t('template.standardPosition', { n: i + 1 })}
                value={s.position}
                onChange={(v) => putStandard(i, { position: v === 'last' ? 'last' : 'first' })}
                options={[
                  { id: 'first', label: t('template.first') },
                  { id: 'last', label: t('template.last') },
                ]}
              />
              <Button variant="quiet" aria-label={t('template.removeStandard', { title: s.title || i + 1 })} onPress={() => setStandard(standard.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          ))}
          <Button variant="quiet" onPress={() => setStandard([...standard, { title: '', position: 'last' }])}>
            + {t('template.addStandard')}
          </Button>
        </fieldset>

        <ErrorText error={save.error} />
        <div className="form-actions">
          {save.isSuccess && <span role="status">{t('saved')}</span>}
          <Button variant="primary" type="submit" pending={save.isPending}>
            {t('template.save')}
          </Button>
        </div>
      </Form>
      <TemplatePreview committee={committee} template={template} />
    </div>
  );
}

/** The value, once it has stopped changing for a moment: the preview follows typing without a request per key. */
function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // The JSON key is the dependency: a new object with the same content is no change.
  }, [key, ms]);
  return settled;
}

function TemplatePreview({ committee, template }: { committee: Committee; template: CommitteeTemplate }) {
  const { t } = useTranslation('committees');
  const settled = useSettled(template);
  const preview = useQuery({
    queryKey: ['template-preview', committee.name, committee.publicationProfile, JSON.stringify(settled)],
    queryFn: () => api.documents.templatePreview({ committeeName: committee.name, template: settled, publicationProfile: committee.publicationProfile }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="template-preview" aria-labelledby="template-preview-h">
      <h2 id="template-preview-h">{t('template.livePreview')}</h2>
      <p className="muted">{t('template.livePreviewHint')}</p>
      {preview.data && <iframe className="template-preview-frame" title={t('template.livePreviewOf', { title: preview.data.title })} sandbox="" srcDoc={preview.data.html} />}
      <ErrorText error={preview.error} />
    </section>
  );
}
