import { Badge, Code, Group, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { diffJson, formatDiffValue, type DiffKind } from '../../lib/json-diff';

const kindColors: Record<DiffKind, string> = { added: 'teal', removed: 'red', changed: 'orange', unchanged: 'gray' };

/** Before/after of one audit entry, field by field, with the raw JSON on demand. */
export function JsonDiffView({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const [isShowingRaw, setIsShowingRaw] = useState(false);
  const rows = diffJson(before, after);
  const visible = isShowingAll ? rows : rows.filter((row) => row.kind !== 'unchanged');
  const hiddenCount = rows.length - visible.length;

  return (
    <Stack gap="xs" data-testid="audit-diff">
      <Group gap="md">
        <Switch size="xs" label={t('audit.showUnchanged', { count: rows.filter((row) => row.kind === 'unchanged').length })} checked={isShowingAll} onChange={(event) => setIsShowingAll(event.currentTarget.checked)} />
        <Switch size="xs" label={t('audit.showRaw')} checked={isShowingRaw} onChange={(event) => setIsShowingRaw(event.currentTarget.checked)} />
      </Group>
      {visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          {rows.length === 0 ? t('audit.noData') : t('audit.noChanges', { count: hiddenCount })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} withTableBorder withColumnBorders fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.field')}</Table.Th>
                <Table.Th>{t('audit.before')}</Table.Th>
                <Table.Th>{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.path}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Badge size="xs" variant="light" color={kindColors[row.kind]}>
                        {t(`audit.kind.${row.kind}`)}
                      </Badge>
                      <Text size="xs" ff="monospace">
                        {row.path || '—'}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td bg={row.kind === 'removed' || row.kind === 'changed' ? 'var(--mantine-color-red-light)' : undefined}>
                    <Text size="xs" ff="monospace" className="break-anywhere">
                      {formatDiffValue(row.before)}
                    </Text>
                  </Table.Td>
                  <Table.Td bg={row.kind === 'added' || row.kind === 'changed' ? 'var(--mantine-color-teal-light)' : undefined}>
                    <Text size="xs" ff="monospace" className="break-anywhere">
                      {formatDiffValue(row.after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isShowingRaw && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('audit.before')}
            </Text>
            <Code block className="break-anywhere">
              {JSON.stringify(before, null, 2) ?? 'null'}
            </Code>
          </div>
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('audit.after')}
            </Text>
            <Code block className="break-anywhere">
              {JSON.stringify(after, null, 2) ?? 'null'}
            </Code>
          </div>
        </SimpleGrid>
      )}
    </Stack>
  );
}
