import { Checkbox, MultiSelect, Stack, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { roleLabelKey } from '../../components/role-badges';
import { useT } from '../../i18n/i18n-context';
import { buildUnitPaths } from '../units/unit-tree-data';
import { useUnitTree } from '../units/units-api';
import type { GrantedRole, RoleGrant } from './users-api';

const regencyRoles = ['admin_bkpsdm', 'pimpinan', 'auditor'] as const satisfies readonly GrantedRole[];

/**
 * Roles granted to an account: regency-wide roles as checkboxes, admin OPD as a list of units
 * (one grant per unit, each covering the unit's whole subtree).
 */
export function RoleGrantsEditor({ value, onChange, error }: { value: RoleGrant[]; onChange: (grants: RoleGrant[]) => void; error?: ReactNode }) {
  const t = useT();
  const tree = useUnitTree();
  const unitOptions = useMemo(() => {
    const units = tree.data?.items ?? [];
    const paths = buildUnitPaths(units);
    return units.filter((unit) => unit.isActive).map((unit) => ({ value: unit.id, label: paths.get(unit.id) ?? unit.name }));
  }, [tree.data]);
  const adminUnitIds = value.flatMap((grant) => (grant.role === 'admin_opd' && grant.unitId ? [grant.unitId] : []));
  const hasRole = (role: GrantedRole) => value.some((grant) => grant.role === role);

  const setRegencyRole = (role: GrantedRole, isGranted: boolean) =>
    onChange(isGranted ? [...value, { role, unitId: null }] : value.filter((grant) => grant.role !== role));
  const setAdminUnits = (unitIds: string[]) =>
    onChange([...value.filter((grant) => grant.role !== 'admin_opd'), ...unitIds.map((unitId) => ({ role: 'admin_opd' as const, unitId }))]);

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('user.roles')}
      </Text>
      {regencyRoles.map((role) => (
        <Checkbox
          key={role}
          label={t(roleLabelKey[role])}
          description={t(`user.roleHint.${role}`)}
          checked={hasRole(role)}
          onChange={(event) => setRegencyRole(role, event.currentTarget.checked)}
        />
      ))}
      <MultiSelect
        label={t('role.admin_opd')}
        description={t('user.roleHint.admin_opd')}
        data={unitOptions}
        value={adminUnitIds}
        onChange={setAdminUnits}
        searchable
        clearable
        limit={100}
        comboboxProps={{ withinPortal: true }}
        nothingFoundMessage={t('list.noMatch')}
      />
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
