// Why a proposal moved, in the user's language, from the structured cause the core returns.
import type { TFunction } from 'i18next';
import type { RollProposal } from '../../../src-shared/api/calendar';

export function blockText(t: TFunction<'calendar'>, block: { kind: string; label: string }): string {
  const week = /uge (\d+)/.exec(block.label)?.[1] ?? '';
  const name = block.label.replace(/ er helligdag$/, '');
  const key = block.kind === 'extra' ? 'extra_kind' : block.kind;
  return t(`blocked.${key}`, { label: block.label, week, name, defaultValue: block.label });
}

export function reasonText(t: TFunction<'calendar'>, p: RollProposal): string | null {
  if (!p.moved || !p.blockedBy) return null;
  const months = t('monthsShort', { returnObjects: true }) as string[];
  const date = t('dayMonth', { day: Number(p.ruleDay.slice(8, 10)), month: months[Number(p.ruleDay.slice(5, 7)) - 1] });
  const why = blockText(t, p.blockedBy);
  return p.proposed === null ? t('reason.conflict', { date, why }) : t('reason.moved', { date, why });
}
