// Why a proposal moved, in the user's language, from the structured cause the core returns.
import type { TFunction } from 'i18next';
import type { RollProposal } from '../../../src-shared/api/calendar';
import { dayMonth } from './files';

export function blockText(t: TFunction<'calendar'>, block: { kind: string; label: string }): string {
  const week = /uge (\d+)/.exec(block.label)?.[1] ?? '';
  const name = block.label.replace(/ er helligdag$/, '');
  const key = block.kind === 'extra' ? 'extra_kind' : block.kind;
  return t(`blocked.${key}`, { label: block.label, week, name, defaultValue: block.label });
}

export function reasonText(t: TFunction<'calendar'>, p: RollProposal): string | null {
  if (!p.moved || !p.blockedBy) return null;
  const months = t('monthsShort', { returnObjects: true }) as string[];
  const why = blockText(t, p.blockedBy);
  return p.proposed === null ? t('reason.conflict', { date: dayMonth(p.ruleDay, months), why }) : t('reason.moved', { date: dayMonth(p.ruleDay, months), why });
}
