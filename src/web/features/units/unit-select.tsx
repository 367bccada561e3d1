import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { buildUnitPaths } from './unit-tree-data';
import { useUnitTree } from './units-api';

interface UnitSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Units that may not be chosen, e.g. a unit's own subtree when picking its parent. */
  excludeIds?: ReadonlySet<string>;
  error?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  required?: boolean;
  clearable?: boolean;
  'data-testid'?: string;
}

/** Picks a unit by typing any part of its path ("kesehatan p2p"); inactive units are not offered. */
export function UnitSelect({ label, value, onChange, excludeIds, clearable = true, ...inputProps }: UnitSelectProps) {
  const t = useT();
  const tree = useUnitTree();
  const options = useMemo(() => {
    const units = tree.data?.items ?? [];
    const paths = buildUnitPaths(units);
    return units
      .filter((unit) => (unit.isActive || unit.id === value) && !excludeIds?.has(unit.id))
      .map((unit) => ({ value: unit.id, label: `${paths.get(unit.id) ?? unit.name} (${unit.code})` }))
      .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  }, [tree.data, excludeIds, value]);

  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      limit={100}
      nothingFoundMessage={tree.isPending ? t('list.loading') : t('list.noMatch')}
      placeholder={inputProps.placeholder ?? t('unit.pickPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      {...inputProps}
    />
  );
}
