import { Badge } from '@mantine/core';
import type { EntryStatus } from '../../../contracts/activities';
import { useT } from '../../i18n/i18n-context';

const colors: Record<EntryStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', rejected: 'red', returned: 'orange' };

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={colors[status]} size="sm" data-testid="entry-status">
      {t(`activityEntry.status.${status}`)}
    </Badge>
  );
}
