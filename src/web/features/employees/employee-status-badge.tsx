import { Badge } from '@mantine/core';
import type { employeeStatuses } from '../../../contracts/org';
import { labelOf, useReference } from '../reference/use-reference';

type EmployeeStatus = (typeof employeeStatuses)[number];

export function EmployeeStatusBadge({ status, isActive }: { status: EmployeeStatus; isActive: boolean }) {
  const reference = useReference();
  const color = !isActive ? 'gray' : status === 'aktif' ? 'teal' : 'yellow';
  return (
    <Badge size="sm" variant="light" color={color} miw="max-content">
      {labelOf(reference.data?.employeeStatuses, status)}
    </Badge>
  );
}
