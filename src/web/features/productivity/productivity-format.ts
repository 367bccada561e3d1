import type { Locale } from '../../i18n/i18n-context';

/** Basis points (10,000 = 100 %) as a percentage with two decimals in the reader's language. */
export function formatPercent(basisPoints: number | null, locale: Locale): string {
  if (basisPoints === null) return '–';
  return `${new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}

/** A colour for a figure: the same bands on every screen. */
export function percentColor(basisPoints: number | null): string {
  if (basisPoints === null) return 'gray';
  if (basisPoints >= 9000) return 'teal';
  if (basisPoints >= 7000) return 'yellow';
  return 'red';
}
