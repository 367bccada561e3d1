import { useCallback } from 'react';
import { formatChangeShare as formatShare } from '../../../domain/tpp/money';
import { formatMessage, type MessageParams } from '../../i18n/format-message';
import { useLocale } from '../../i18n/i18n-context';
import { tppEn, tppId, type TppMessageKey } from '../../i18n/messages/tpp';

/** The TPP screens' translator: typed by this area's own message file. */
export function useTppT(): (key: TppMessageKey, params?: MessageParams) => string {
  const [locale] = useLocale();
  return useCallback((key, params) => formatMessage((locale === 'en' ? tppEn : tppId)[key], params), [locale]);
}

/** "Rp 1.234.567" in Indonesian, "Rp 1,234,567" in English; negatives with a minus sign. */
export const formatRupiahFor = (amount: number, locale: string): string =>
  `${amount < 0 ? '−' : ''}Rp ${Math.abs(amount).toLocaleString(locale === 'en' ? 'en-US' : 'id-ID')}`;

/** A change as a signed share of what it changed from in the reader's number format: "+3,2 %" / "+3.2 %". */
export const formatChangeShare = (change: number, from: number, locale: string): string => formatShare(change, from, locale === 'en' ? 'en-US' : 'id-ID');
