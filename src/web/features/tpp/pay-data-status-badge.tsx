import { Badge } from '@mantine/core';
import { useT } from '../../i18n/i18n-context';

/** CPNS (orange: TPP at the CPNS share), PNS or PPPK. */
export function PayDataStatusBadge({ jenisAsn, isCpns }: { jenisAsn: 'PNS' | 'PPPK'; isCpns: boolean }) {
  const t = useT();
  if (jenisAsn === 'PPPK') return <Badge variant="light" color="grape">{t('payData.pppk')}</Badge>;
  return isCpns ? (
    <Badge variant="light" color="orange">
      {t('payData.cpns')}
    </Badge>
  ) : (
    <Badge variant="light" color="teal">
      {t('payData.pns')}
    </Badge>
  );
}
