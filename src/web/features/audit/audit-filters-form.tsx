import { Autocomplete, Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n-context';
import { entityTypeLabel } from './audit-entity-labels';
import { emptyAuditFilters, useAuditEntityTypes, type AuditFilters } from './audit-api';

/** The actions the modules record; the field still accepts any value. The entity types come from the trail itself. */
const knownActions = [
  'approve', 'cancel', 'carry_over', 'change_password', 'close', 'compute', 'create', 'deactivate', 'activate', 'delete', 'end', 'enqueue_command', 'evidence_verdict',
  'feedback', 'finalise', 'import', 'import_punches', 'lock', 'login', 'logout', 'quarantine', 'record', 'request', 'reset_password', 'retire', 'return', 'revise',
  'set_roster', 'submit', 'supersede', 'update', 'upload',
].sort();

export function AuditFiltersForm({ initial, onApply }: { initial: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const t = useT();
  const [filters, setFilters] = useState(initial);
  const [locale] = useLocale();
  const entityTypes = useAuditEntityTypes();
  // Named in the reader's language, the code beside; a type in the link but not (yet) in the trail stays choosable.
  const entityTypeOptions = useMemo(() => {
    const codes = [...new Set([...(entityTypes.data?.items ?? []), ...(filters.entityType ? [filters.entityType] : [])])];
    return codes.map((code) => ({ value: code, label: `${entityTypeLabel(code, locale)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [entityTypes.data, filters.entityType, locale]);
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => setFilters((current) => ({ ...current, [key]: value }));

  return (
    <Card withBorder padding="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
        aria-label={t('audit.filters')}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('audit.entityType')}
            data={entityTypeOptions}
            value={filters.entityType || null}
            onChange={(value) => set('entityType', value ?? '')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="audit-filter-entity-type"
          />
          <Autocomplete label={t('audit.action')} data={knownActions} value={filters.action} onChange={(value) => set('action', value)} data-testid="audit-filter-action" />
          <TextInput label={t('audit.actor')} value={filters.actor} onChange={(event) => set('actor', event.currentTarget.value)} data-testid="audit-filter-actor" />
          <DatePickerInput
            type="range"
            label={t('audit.dateRange')}
            valueFormat="DD MMM YYYY"
            clearable
            allowSingleDateInRange
            value={[filters.fromDate, filters.toDate]}
            onChange={([from, to]) => setFilters((current) => ({ ...current, fromDate: from, toDate: to }))}
            popoverProps={{ withinPortal: true }}
            data-testid="audit-filter-dates"
          />
          <TextInput label={t('audit.entityId')} value={filters.entityId} onChange={(event) => set('entityId', event.currentTarget.value)} />
          <TextInput label={t('audit.requestId')} value={filters.requestId} onChange={(event) => set('requestId', event.currentTarget.value)} data-testid="audit-filter-request-id" />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button
            variant="default"
            leftSection={<IconX size={16} />}
            onClick={() => {
              setFilters(emptyAuditFilters);
              onApply(emptyAuditFilters);
            }}
          >
            {t('action.reset')}
          </Button>
          <Button type="submit" leftSection={<IconFilter size={16} />} data-testid="audit-apply">
            {t('action.applyFilters')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
