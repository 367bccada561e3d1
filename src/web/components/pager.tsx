import { Group, Pagination, Text } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/** Page navigation under a list, with the total count. Hidden paging when everything fits on one page. */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const t = useT();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="xs">
      <Text size="sm" c="dimmed" data-testid="list-total">
        {t('list.range', { first, last, total })}
      </Text>
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={0}
          boundaries={1}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? t('list.previousPage') : control === 'next' ? t('list.nextPage') : control === 'first' ? t('list.firstPage') : t('list.lastPage'),
          })}
        />
      )}
    </Group>
  );
}
