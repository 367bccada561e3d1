import { Table, Text } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/** The single row shown by a table that has nothing to list. */
export function EmptyRows({ colSpan, text }: { colSpan: number; text?: string }) {
  const t = useT();
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" size="sm" ta="center" py="md">
          {text ?? t('list.empty')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
