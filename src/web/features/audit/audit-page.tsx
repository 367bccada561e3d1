import { ActionIcon, Badge, Card, Code, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { readAuditFilters, useAuditEntries, writeAuditFilters } from './audit-api';
import { AuditFiltersForm } from './audit-filters-form';
import { JsonDiffView } from './json-diff-view';
import { entityTypeLabel } from './audit-entity-labels';

const PAGE_SIZE = 50;
const COLUMN_COUNT = 6;

/** The append-only audit trail: who changed what, when, from which request; newest first. */
export function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readAuditFilters(searchParams);
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const entries = useAuditEntries(filters, page, PAGE_SIZE);
  const [expandedId, setExpandedId] = useState<number | null>(null);

  return (
    <Stack gap="sm">
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <AuditFiltersForm key={searchParams.toString()} initial={filters} onApply={(next) => setSearchParams(writeAuditFilters(next, 1))} />
      {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
      {entries.isPending && <Loader size="sm" />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="audit-table" aria-label={t('nav.audit')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44} />
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.requestId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data?.items.length === 0 && <EmptyRows colSpan={COLUMN_COUNT} />}
              {entries.data?.items.map((entry) => {
                const isExpanded = expandedId === entry.id;
                return (
                  <Fragment key={entry.id}>
                    <Table.Tr data-testid="audit-row" style={{ cursor: 'pointer' }} onClick={() => setExpandedId(isExpanded ? null : entry.id)}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="lg"
                          aria-expanded={isExpanded}
                          aria-label={isExpanded ? t('audit.hideChanges') : t('audit.showChanges')}
                          onClick={(event) => {
                            event.stopPropagation();
                            setExpandedId(isExpanded ? null : entry.id);
                          }}
                        >
                          {isExpanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{formatDateTime(entry.at, locale)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{entry.actorLabel}</Text>
                        {entry.ip && (
                          <Text size="xs" c="dimmed">
                            {entry.ip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light">
                          {entry.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{entityTypeLabel(entry.entityType, locale)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace" className="break-anywhere">
                          {entry.entityId ? `${entry.entityType} · ${entry.entityId}` : entry.entityType}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {entry.requestId ? (
                          <Tooltip label={entry.requestId}>
                            <Code>{entry.requestId.slice(0, 8)}</Code>
                          </Tooltip>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {isExpanded && (
                      <Table.Tr>
                        <Table.Td colSpan={COLUMN_COUNT} bg="var(--mantine-color-gray-light)">
                          <JsonDiffView before={entry.before} after={entry.after} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {entries.data && (
        <Pager page={page} pageSize={PAGE_SIZE} total={entries.data.total} onChange={(next) => setSearchParams(writeAuditFilters(filters, next))} />
      )}
    </Stack>
  );
}
