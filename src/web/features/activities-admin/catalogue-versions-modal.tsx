import { Badge, Loader, Modal, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useCatalogueVersions, type CatalogueItem } from './activities-admin-api';

/** Every version of an activity, newest first: entries keep the version they were made with. */
export function CatalogueVersionsModal({ item, onClose }: { item: CatalogueItem; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const versions = useCatalogueVersions(item.id);
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Modal opened onClose={onClose} title={t('activityAdmin.versions.title', { code: item.code })} size="xl" fullScreen={isPhone}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('activityAdmin.versions.description')}
      </Text>
      {versions.isLoading && <Loader size="sm" />}
      {versions.isError && <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" data-testid="catalogue-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activityAdmin.versions.version')}</Table.Th>
                <Table.Th>{t('activityAdmin.catalogue.name')}</Table.Th>
                <Table.Th>{t('activityAdmin.catalogue.outputUnit')}</Table.Th>
                <Table.Th>{t('activityAdmin.catalogue.minutesShort')}</Table.Th>
                <Table.Th>{t('activityAdmin.catalogue.effectiveFrom')}</Table.Th>
                <Table.Th>{t('activityAdmin.versions.createdBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((version) => (
                <Table.Tr key={version.id} data-testid="catalogue-version-row">
                  <Table.Td>
                    <Badge size="sm" variant={version.version === item.currentVersion ? 'filled' : 'light'}>
                      v{version.version}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="break-anywhere">
                      {version.name}
                    </Text>
                    {version.description && (
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {version.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{version.outputUnit}</Table.Td>
                  <Table.Td>{version.standardMinutes}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(version.effectiveFrom, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{version.createdByName ?? t('activityAdmin.versions.system')}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(version.createdAt, locale)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}
