import { Badge, Group, type GroupProps } from '@mantine/core';
import type { Role } from '../../contracts/roles';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/id';

export const roleLabelKey: Record<Role, MessageKey> = {
  pegawai: 'role.pegawai',
  atasan: 'role.atasan',
  admin_opd: 'role.admin_opd',
  admin_bkpsdm: 'role.admin_bkpsdm',
  pimpinan: 'role.pimpinan',
  auditor: 'role.auditor',
};

export function RoleBadges({ roles, ...groupProps }: { roles: readonly Role[] } & GroupProps) {
  const t = useT();
  return (
    <Group gap={4} {...groupProps}>
      {roles.map((role) => (
        <Badge key={role} size="xs" variant="light" color={role.startsWith('admin') ? 'grape' : 'teal'}>
          {t(roleLabelKey[role])}
        </Badge>
      ))}
    </Group>
  );
}
