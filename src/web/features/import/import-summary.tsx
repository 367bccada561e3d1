import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Translate } from '../../i18n/i18n-context';

export type SummaryItem = { label: string; value: number };

/** The figures every import answer has: rows, valid rows, and what was (or would be) created and updated. */
export const importSummaryItems = (t: Translate, result: { isCommitted: boolean; totalRows: number; validRows: number; created: number; updated: number }): SummaryItem[] => [
  { label: t('import.totalRows'), value: result.totalRows },
  { label: t('import.validRows'), value: result.validRows },
  { label: result.isCommitted ? t('import.created') : t('import.toCreate'), value: result.created },
  { label: result.isCommitted ? t('import.updated') : t('import.toUpdate'), value: result.updated },
];

export function ImportSummary({ items, testId }: { items: SummaryItem[]; testId: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: items.length }} spacing="xs" data-testid={testId}>
      {items.map((item) => (
        <Card key={item.label} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text fw={700} size="lg">
            {item.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
