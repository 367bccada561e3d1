import { ActionIcon, Alert, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { REASON_MIN_LENGTH } from '../../../contracts/activities-admin';
import { useSession } from '../../auth/session';
import { DateField } from '../../components/date-field';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, formatDateTime, todayInBrowser } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { EXTENSION_PAGE_SIZE, useDeadlineExtensions, useDeleteDeadlineExtension, type DeadlineExtension } from './activities-admin-api';
import { canChangeInUnit, canManageActivityRules, canManageDeadlineExtensions } from './activity-admin-permissions';
import { DeadlineExtensionFormModal } from './deadline-extension-form-modal';

/** Removing an extension made by mistake: the reason is required and kept in the audit trail. */
function DeleteExtensionModal({ extension, onClose }: { extension: DeadlineExtension; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteDeadlineExtension();
  const [reason, setReason] = useState('');
  const isReasonLongEnough = reason.trim().length >= REASON_MIN_LENGTH;
  return (
    <Modal opened onClose={onClose} title={t('activityAdmin.extensions.deleteTitle')} centered>
      <Stack>
        <Text size="sm">{t('activityAdmin.extensions.deleteText')}</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Textarea
          label={t('activityAdmin.extensions.deleteReason')}
          description={t('activityAdmin.extensions.reasonHint', { min: REASON_MIN_LENGTH })}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="extension-delete-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!isReasonLongEnough}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: extension.id, reason: reason.trim() },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('activityAdmin.extensions.deleted') });
                    onClose();
                  },
                },
              )
            }
            data-testid="extension-delete-confirm"
          >
            {t('activityAdmin.extensions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Deadline extensions (after an outage): for a unit and the units below it, or the whole region. */
export function DeadlineExtensionsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageDeadlineExtensions(me.roles);
  const isRegionAdmin = canManageActivityRules(me.roles);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const extensions = useDeadlineExtensions(unitId, date, page);
  const [isCreating, setIsCreating] = useState(false);
  const [deleting, setDeleting] = useState<DeadlineExtension | null>(null);
  const items = extensions.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('activityAdmin.extensions.title')}
        description={t('activityAdmin.extensions.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)} data-testid="extension-create">
              {t('activityAdmin.extensions.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 18rem' }}>
            <UnitSelect
              label={t('activityAdmin.extensions.filterUnit')}
              value={unitId}
              onChange={(value) => {
                setUnitId(value);
                setPage(1);
              }}
              data-testid="extension-filter-unit"
            />
          </div>
          <DateField
            label={t('activityAdmin.extensions.filterDate')}
            clearable
            value={date}
            onChange={(value) => {
              setDate(value);
              setPage(1);
            }}
            data-testid="extension-filter-date"
          />
          {extensions.isFetching && <Loader size="xs" />}
        </Group>
        {extensions.isError && <ErrorState error={extensions.error} onRetry={() => void extensions.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="xs" striped data-testid="extension-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('activityAdmin.extensions.unit')}</Table.Th>
                  <Table.Th>{t('activityAdmin.extensions.workDates')}</Table.Th>
                  <Table.Th>{t('activityAdmin.extensions.until')}</Table.Th>
                  <Table.Th>{t('activityAdmin.extensions.reason')}</Table.Th>
                  {canWrite && <Table.Th w={52} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {extensions.data && items.length === 0 && <EmptyRows colSpan={canWrite ? 5 : 4} />}
                {items.map((extension) => (
                  <Table.Tr key={extension.id} data-testid="extension-row">
                    <Table.Td>
                      <Text size="sm" className="break-anywhere">
                        {extension.unitName ?? t('activityAdmin.extensions.wholeRegion')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {extension.workDateFrom === extension.workDateTo
                        ? formatDate(extension.workDateFrom, locale)
                        : `${formatDate(extension.workDateFrom, locale)} – ${formatDate(extension.workDateTo, locale)}`}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(extension.extendedUntil, locale)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="break-anywhere">
                        {extension.reason}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('activityAdmin.extensions.by', { name: extension.createdByName ?? t('activityAdmin.versions.system'), at: formatDateTime(extension.createdAt, locale) })}
                      </Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        {canChangeInUnit(me, extension.unitId) && (
                          <Tooltip label={t('activityAdmin.extensions.delete')}>
                            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('activityAdmin.extensions.delete')} onClick={() => setDeleting(extension)} data-testid="extension-delete">
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        {extensions.data && <Pager page={page} pageSize={EXTENSION_PAGE_SIZE} total={extensions.data.total} onChange={setPage} />}
      </Stack>
      {isCreating && <DeadlineExtensionFormModal canChooseRegion={isRegionAdmin} defaultDate={todayInBrowser()} onClose={() => setIsCreating(false)} />}
      {deleting && <DeleteExtensionModal extension={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
