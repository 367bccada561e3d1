import { Badge } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

export function ActiveBadge({ isActive }: { isActive: boolean }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={isActive ? 'teal' : 'gray'} miw="max-content">
      {isActive ? t('status.active') : t('status.inactive')}
    </Badge>
  );
}
