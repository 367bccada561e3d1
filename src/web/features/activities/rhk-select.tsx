import { Select } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useMemo } from 'react';
import { RHK_KINDS } from '../../../domain/skp/vocabulary';
import { useT } from '../../i18n/i18n-context';
import type { RhkChoices } from './rhk-choices';

interface RhkSelectProps {
  value: string | null;
  onChange: (value: string | null) => void;
  choices: RhkChoices & { isLoading: boolean };
  /** The RHK the entry or template already cites: offered even when the list lacks it. */
  current: { id: string; text: string } | null;
  error?: string | undefined;
  'data-testid'?: string;
}

/**
 * Optional picker of the SKP RHK an activity contributes to, grouped utama / tambahan. It never
 * blocks an entry: without a list (offline, no approved SKP) it says so and stays empty.
 */
export function RhkSelect({ value, onChange, choices, current, error, 'data-testid': testId }: RhkSelectProps) {
  const t = useT();
  const data = useMemo(() => {
    const groups = RHK_KINDS.map((kind) => ({
      group: t(`activityEntry.rhkKind.${kind}`),
      items: choices.items.filter((item) => item.kind === kind).map((item) => ({ value: item.id, label: item.text })),
    })).filter((group) => group.items.length > 0);
    if (current && !choices.items.some((item) => item.id === current.id)) groups.unshift({ group: t('activityEntry.rhkCurrent'), items: [{ value: current.id, label: current.text }] });
    return groups;
  }, [choices.items, current, t]);
  const isOffDate = value !== null && choices.source === 'date' && !choices.items.some((item) => item.id === value);
  const description = isOffDate
    ? t('activityEntry.rhkNotOnDate')
    : choices.source === 'fallback'
      ? t('activityEntry.rhkFallback')
      : choices.source === 'none' && !choices.isLoading
        ? t('activityEntry.rhkUnavailable')
        : choices.source === 'date' && choices.items.length === 0
          ? t('activityEntry.rhkEmpty')
          : undefined;
  return (
    <Select
      label={t('activityEntry.rhk')}
      placeholder={data.length > 0 ? t('activityEntry.rhkPlaceholder') : undefined}
      description={description}
      leftSection={<IconTarget size={16} />}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      disabled={data.length === 0 && value === null}
      nothingFoundMessage={t('activityEntry.rhkNone')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
