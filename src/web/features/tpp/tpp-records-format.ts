import type { TppPenaltyView } from '../../../contracts/tpp-records';
import type { Locale, Translate } from '../../i18n/i18n-context';

/** "Teguran tertulis: 30 % × 2 bulan": how the rule set prices a penalty. */
export const describePenalty = (penalty: TppPenaltyView, t: Translate, locale: Locale) =>
  t('tppRecords.discipline.penaltyRule', { label: penalty.label, percent: (penalty.cutBp / 100).toLocaleString(locale === 'en' ? 'en-US' : 'id-ID'), months: penalty.months });
