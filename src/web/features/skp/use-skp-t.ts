import { useCallback } from 'react';
import { formatMessage, type MessageParams } from '../../i18n/format-message';
import { useLocale } from '../../i18n/i18n-context';
import { skpEn, skpId } from '../../i18n/messages/skp';

export type SkpMessageKey = keyof typeof skpId;
export type SkpTranslate = (key: SkpMessageKey, params?: MessageParams) => string;

/**
 * Translate SKP messages in the current language. Typed against the SKP message file itself, so the
 * pages do not depend on how the app-wide dictionaries (id.ts / en.ts) include it.
 */
export function useSkpT(): SkpTranslate {
  const [locale] = useLocale();
  const dictionary = locale === 'en' ? skpEn : skpId;
  return useCallback((key, params) => formatMessage(dictionary[key], params), [dictionary]);
}
