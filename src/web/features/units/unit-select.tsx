import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { buildUnitLabels, buildUnitPaths } from './unit-tree-data';
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

/** Picks a unit by typing any part of its name, the names above it or its code; inactive units are not offered. */
export function UnitSelect({ label, value, onChange, excludeIds, clearable = true, ...inputProps }: UnitSelectProps) {
  const t = useT();
  const tree = useUnitTree();
  const options = useMemo(() => {
    const units = tree.data?.items ?? [];
    // Listed in the order of the tree (by path from the top), each named from the unit itself up.
    const paths = buildUnitPaths(units);
    const labels = buildUnitLabels(units);
    return units
      .filter((unit) => (unit.isActive || unit.id === value) && !excludeIds?.has(unit.id))
      .map((unit) => ({ value: unit.id, label: `${labels.get(unit.id) ?? unit.name} (${unit.code})`, path: paths.get(unit.id) ?? unit.name }))
      .sort((a, b) => a.path.localeCompare(b.path, 'id'))
      .map(({ value: id, label }) => ({ value: id, label }));
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
