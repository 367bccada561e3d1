import { Group, Loader, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n-context';
import { UnitSelect } from '../units/unit-select';
import { useUnitTree } from '../units/units-api';
import type { TppRecordFilters } from './tpp-records-api';

export const NO_FILTERS: TppRecordFilters = { unitId: null, search: '' };

/**
 * Units an admin OPD may not pick: everything outside their units (the server would answer "not
 * found"). Regency-wide readers and BKPSDM pick any unit.
 */
export function useUnitsOutsideScope(): ReadonlySet<string> | undefined {
  const me = useSession();
  const tree = useUnitTree();
  const isRegionWide = me.roles.some((role) => role === 'admin_bkpsdm' || role === 'pimpinan' || role === 'auditor');
  return useMemo(() => {
    if (isRegionWide) return undefined;
    const own = new Set(me.adminUnitIds);
    return new Set((tree.data?.items ?? []).filter((unit) => !own.has(unit.id)).map((unit) => unit.id));
  }, [isRegionWide, me.adminUnitIds, tree.data]);
}

/** Unit and name/NIP filters of a record list (the search is debounced), with the list's own filters beside them. */
export function TppRecordFilterBar({
  filters,
  onChange,
  isFetching,
  testId,
  children,
}: {
  filters: TppRecordFilters;
  onChange: (filters: TppRecordFilters) => void;
  isFetching: boolean;
  testId: string;
  children?: ReactNode;
}) {
  const t = useT();
  const outside = useUnitsOutsideScope();
  const [text, setText] = useState(filters.search);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== filters.search) onChange({ ...filters, search: debounced });
  }, [debounced, filters, onChange]);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      {children}
      <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
        <UnitSelect
          label={t('tppRecords.filter.unit')}
          placeholder={t('tppRecords.filter.allUnits')}
          value={filters.unitId}
          onChange={(unitId) => onChange({ ...filters, unitId })}
          excludeIds={outside}
          data-testid={`${testId}-unit`}
        />
      </div>
      <TextInput
        style={{ flex: '1 1 12rem' }}
        label={t('tppRecords.filter.search')}
        placeholder={t('tppRecords.filter.searchPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        data-testid={`${testId}-search`}
      />
      {isFetching && <Loader size="xs" mb={10} />}
    </Group>
  );
}
