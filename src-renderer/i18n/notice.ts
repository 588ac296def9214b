// The core's sentences come in both languages ({message, messageDa}: notices, failures, a held
// meeting's reason); this picks the one for the UI's language, in one place for every screen.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A sentence from the core; `messageDa` may be missing on a failure, and English stands in. */
export type TwoLanguages = { message: string; messageDa?: string | undefined };

/** The sentence in `language` (an i18n language or the page's `lang`): English for 'en', else Danish. */
export function noticeText(sentence: TwoLanguages, language: string): string {
  return language === 'en' ? sentence.message : sentence.messageDa || sentence.message;
}

/** `noticeText` in the UI's current language; the component re-renders when the language changes. */
export function useNoticeText(): (sentence: TwoLanguages) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((sentence: TwoLanguages) => noticeText(sentence, language), [language]);
}
