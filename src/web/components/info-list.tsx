import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface InfoItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs: one column on phones, two from small screens up. */
export function InfoList({ items, columns = 2 }: { items: InfoItem[]; columns?: 1 | 2 | 3 }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: Math.min(columns, 2), md: columns }} spacing="sm" verticalSpacing="xs">
      {items.map((item) => (
        <Stack key={item.label} gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text size="sm" className="break-anywhere" component="div">
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
