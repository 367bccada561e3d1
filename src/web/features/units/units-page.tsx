import { Button, Loader, Tabs } from '@mantine/core';
import { IconBinaryTree, IconList, IconPlus } from '@tabler/icons-react';
import { canWriteMasterData } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { UnitListView } from './unit-list-view';
import { UnitTreeView } from './unit-tree-view';
import { useUnitTree } from './units-api';
import { useUnitEditing } from './use-unit-editing';

export function UnitsPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canWriteMasterData(me.roles);
  const tree = useUnitTree();
  const editing = useUnitEditing();
  const actions = canWrite ? editing.actions : null;

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        description={t('unit.description')}
        actions={
          <>
            <ExportButton entity="units" />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={editing.create} data-testid="unit-create">
                {t('unit.create')}
              </Button>
            )}
          </>
        }
      />
      <Tabs defaultValue="tree" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="tree" leftSection={<IconBinaryTree size={16} />}>
            {t('unit.treeTab')}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
            {t('unit.listTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tree">
          {tree.isPending && <Loader size="sm" />}
          {tree.isError && <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />}
          {tree.data && <UnitTreeView units={tree.data.items} actions={actions} />}
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <UnitListView actions={actions} />
        </Tabs.Panel>
      </Tabs>
      {editing.dialogs}
    </>
  );
}
