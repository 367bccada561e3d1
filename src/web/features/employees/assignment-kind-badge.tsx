import { Badge } from '@mantine/core';
import type { assignmentKinds } from '../../../contracts/org';
import { useT } from '../../i18n/i18n-context';

type AssignmentKind = (typeof assignmentKinds)[number];

const colors: Record<AssignmentKind, string> = { definitif: 'teal', plt: 'orange', plh: 'yellow' };

/** Definitif, Plt (pelaksana tugas) or Plh (pelaksana harian). */
export function AssignmentKindBadge({ kind }: { kind: AssignmentKind }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={colors[kind]} title={t(`assignment.kindHint.${kind}`)}>
      {t(`assignment.kind.${kind}`)}
    </Badge>
  );
}
