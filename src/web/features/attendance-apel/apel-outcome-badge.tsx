import { Badge } from '@mantine/core';
import type { ApelOutcome } from '../../../contracts/attendance-apel';
import { useT } from '../../i18n/i18n-context';

const colors: Record<ApelOutcome, string> = { hadir: 'teal', tidak_hadir: 'red', dispensasi: 'blue', libur: 'gray', belum_ada_data: 'yellow' };

export function ApelOutcomeBadge({ outcome }: { outcome: ApelOutcome }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={colors[outcome]}>
      {t(`apel.outcome.${outcome}`)}
    </Badge>
  );
}
