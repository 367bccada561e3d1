import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { importEntities } from '../../contracts/org';
import { api } from '../api/client';
import { useT } from '../i18n/i18n-context';


/** Downloads the whole list the user may see as xlsx (the server applies the user's scope). */
export function ExportButton({ entity }: { entity: (typeof importEntities)[number] }) {
  const t = useT();
  const download = useMutation({
    mutationFn: () => api.download(`/api/export/${entity}.xlsx`, `${entity}.xlsx`),
  });
  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => download.mutate()} loading={download.isPending} data-testid={`export-${entity}`}>
      {t('action.export')}
    </Button>
  );
}
