import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

export type SelectOption = ComboboxItem;

interface AsyncSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null, option: SelectOption | null) => void;
  /** Distinguishes the cache of this kind of search ("positions", "employees"). */
  queryKey: string;
  search: (text: string, signal: AbortSignal) => Promise<SelectOption[]>;
  /** The option of the current value, so its label shows before any search ran. */
  selectedOption?: SelectOption | null;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

/** A searchable select whose options come from the server as the user types (debounced). */
export function AsyncSelect({ label, value, onChange, queryKey, search, selectedOption = null, clearable = true, ...inputProps }: AsyncSelectProps) {
  const t = useT();
  const [searchText, setSearchText] = useState('');
  const [picked, setPicked] = useState<SelectOption | null>(selectedOption);
  const [debouncedText] = useDebouncedValue(searchText.trim(), 300);
  const results = useQuery({
    queryKey: ['select', queryKey, debouncedText],
    queryFn: ({ signal }) => search(debouncedText, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const current = picked?.value === value ? picked : selectedOption?.value === value ? selectedOption : null;
  const options = [...(current ? [current] : []), ...(results.data ?? []).filter((option) => option.value !== current?.value)];

  return (
    <Select
      label={label}
      searchable
      clearable={clearable}
      value={value}
      data={options}
      searchValue={searchText}
      onSearchChange={setSearchText}
      // The server already filtered by the typed text (which may match a NIP or code not in the label).
      filter={({ options: all }) => all}
      onChange={(nextValue, option) => {
        setPicked(nextValue ? option : null);
        onChange(nextValue, nextValue ? option : null);
      }}
      nothingFoundMessage={results.isFetching ? t('list.loading') : t('list.noMatch')}
      comboboxProps={{ withinPortal: true }}
      {...inputProps}
    />
  );
}
