import { Alert, Card, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context';
import { rowErrorsOf, type ImportRowError } from './import-api';

/** Row-level problems of an import file: spreadsheet row number (header = 1), column, message. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const t = useT();
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={480} maxHeight={480}>
        <Table striped verticalSpacing="xs" stickyHeader data-testid="import-errors" aria-label={t('import.errorsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('import.row')}</Table.Th>
              <Table.Th w={160}>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column ?? ''}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {error.column ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="break-anywhere">
                    {error.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** A refused upload: its message, and the rows it names when it names any. */
export function ImportRunError({ error, testId }: { error: Error | null; testId?: string }) {
  if (!error) return null;
  const refusedRows = rowErrorsOf(error);
  return (
    <>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid={testId}>
        {error.message}
      </Alert>
      {refusedRows.length > 0 && <ImportErrorsTable errors={refusedRows} />}
    </>
  );
}
