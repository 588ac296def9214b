// The item's text in the committee template's order: each section a rich-text field, the
// recommendation as its opening line plus points, and the procedure as the route of bodies.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionKind } from '../../../../src-shared/domain';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { joinRecommendation, newKey, splitRecommendation, type Draft, type FixedKind, type ItemPatch } from './draft';
import { RichTextEditor } from './RichTextField';
import { RouteEditor } from './RouteEditor';

/** Shown on every item; the others are added when an item needs them. */
const ALWAYS: SectionKind[] = ['summary', 'recommendation', 'presentation', 'procedure'];
const LAST_INTRO = 'referent.agenda.lastRecommendationIntro';

type Props = {
  draft: Draft;
  order: SectionKind[];
  headings: Record<SectionKind, string>;
  readOnly: boolean;
  /** Applies a change to the newest draft (stable: the callbacks below are made once per editor, never stale). */
  update: (change: (current: Draft) => Draft, fields: (keyof ItemPatch)[]) => void;
  meetingStart: string;
  committeeName: string;
};

export function ItemSections({ draft, order, headings, readOnly, update, meetingStart, committeeName }: Props) {
  const { t } = useTranslation('agenda');
  const [added, setAdded] = useState<Set<SectionKind>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const shown = (kind: SectionKind): boolean => ALWAYS.includes(kind) || added.has(kind) || (kind === 'custom' ? draft.custom.length > 0 : Boolean(draft.bodies[kind as FixedKind]?.trim()));
  // The editors' callbacks are made once (update is stable and applies to the newest draft), so an
  // editor whose text did not change skips the render that handing over another's text causes.
  const setBody = useCallback((kind: FixedKind, body: string): void => update((d) => ({ ...d, bodies: { ...d.bodies, [kind]: body } }), ['sections']), [update]);
  const onBody = useMemo(() => {
    const handlers = new Map<FixedKind, (body: string) => void>();
    return (kind: FixedKind) => {
      let h = handlers.get(kind);
      if (!h) handlers.set(kind, (h = (body: string) => setBody(kind, body)));
      return h;
    };
  }, [setBody]);
  /** The recommendation from its two parts; a part left undefined is kept as the newest draft has it. */
  const setParts = useCallback(
    (intro: string | undefined, points: string | undefined): void => {
      if (intro?.trim()) localStorage.setItem(LAST_INTRO, intro.trim());
      update((d) => {
        const now = splitRecommendation(d.bodies.recommendation ?? '');
        return { ...d, bodies: { ...d.bodies, recommendation: joinRecommendation(intro ?? now.intro, points ?? now.points) } };
      }, ['sections']);
    },
    [update],
  );
  const setPoints = useCallback((points: string) => setParts(undefined, points), [setParts]);
  const setRoute = useCallback((route: Draft['route']) => update((d) => ({ ...d, route }), ['route']), [update]);
  const hidden = order.filter((k) => !shown(k));

  return (
    <div className="item-sections">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {order.filter(shown).map((kind) => {
        if (kind === 'recommendation') {
          const { intro, points } = splitRecommendation(draft.bodies.recommendation ?? '');
          const lastIntro = localStorage.getItem(LAST_INTRO);
          return (
            <section key={kind} className="item-section section-group" aria-label={headings.recommendation}>
              <h3 className="section-heading">{headings.recommendation}</h3>
              <TextField
                label={t('editor.recommendationIntro')}
                multiline
                value={intro}
                // One line in the documents: a line break here would end the opening sentence.
                onChange={(v) => setParts(v.replace(/\s*\n+\s*/g, ' '), undefined)}
                isReadOnly={readOnly}
                placeholder={t('editor.recommendationIntroPlaceholder')}
              />
              {!readOnly && !intro && lastIntro && (
                <Button variant="quiet" className="suggestion" onPress={() => setParts(lastIntro, undefined)}>
                  {t('editor.useIntro', { intro: lastIntro })}
                </Button>
              )}
              <RichTextEditor label={t('editor.recommendationPoints')} value={points} onChange={setPoints} onNotice={setNotice} readOnly={readOnly} />
            </section>
          );
        }
        if (kind === 'procedure') {
          return (
            <section key={kind} className="item-section section-group" aria-label={headings.procedure}>
              <h3 className="section-heading">{headings.procedure}</h3>
              <RouteEditor route={draft.route} readOnly={readOnly} onChange={setRoute} meetingStart={meetingStart} committeeName={committeeName} />
              {draft.bodies.procedure?.trim() && (
                <RichTextEditor label={t('editor.procedureText')} value={draft.bodies.procedure} onChange={onBody('procedure')} onNotice={setNotice} readOnly={readOnly} />
              )}
            </section>
          );
        }
        if (kind === 'custom') {
          return draft.custom.map((c, i) => (
            <section key={c.key} className="item-section" aria-label={c.heading || headings.custom}>
              <TextField
                label={t('editor.customHeading', { n: i + 1 })}
                value={c.heading}
                isReadOnly={readOnly}
                onChange={(heading) => update((d) => ({ ...d, custom: d.custom.map((x) => (x.key === c.key ? { ...x, heading } : x)) }), ['sections'])}
              />
              <RichTextEditor
                label={c.heading || headings.custom}
                value={c.body}
                readOnly={readOnly}
                onNotice={setNotice}
                onChange={(body) => update((d) => ({ ...d, custom: d.custom.map((x) => (x.key === c.key ? { ...x, body } : x)) }), ['sections'])}
              />
              {!readOnly && (
                <Button variant="quiet" onPress={() => update((d) => ({ ...d, custom: d.custom.filter((x) => x.key !== c.key) }), ['sections'])}>
                  {t('editor.removeCustom', { heading: c.heading || headings.custom })}
                </Button>
              )}
            </section>
          ));
        }
        return (
          <section key={kind} className="item-section" aria-label={headings[kind]}>
            <RichTextEditor label={headings[kind]} value={draft.bodies[kind] ?? ''} onChange={onBody(kind)} onNotice={setNotice} readOnly={readOnly} />
          </section>
        );
      })}
      {!readOnly && (
        <div className="add-sections" role="group" aria-label={t('editor.addSection')}>
          {hidden
            .filter((k) => k !== 'custom')
            .map((k) => (
              <Button key={k} variant="quiet" onPress={() => setAdded(new Set([...added, k]))}>
                + {headings[k]}
              </Button>
            ))}
          <Button variant="quiet" onPress={() => update((d) => ({ ...d, custom: [...d.custom, { key: newKey(), heading: '', body: '' }] }), ['sections'])}>
            + {t('editor.addCustom')}
          </Button>
        </div>
      )}
    </div>
  );
}
