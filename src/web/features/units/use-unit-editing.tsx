import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Unit } from '../../../contracts/org';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useT } from '../../i18n/i18n-context';
import type { UnitActions } from './unit-actions-menu';
import { UnitFormModal } from './unit-form-modal';
import { useSetUnitActive } from './units-api';

/** The create/edit modal and the (de)activation confirmation shared by the tree and the list. */
export function useUnitEditing() {
  const t = useT();
  const [editing, setEditing] = useState<{ unit: Unit | null; parentId: string | null } | null>(null);
  const [toggling, setToggling] = useState<Unit | null>(null);
  const setActive = useSetUnitActive();

  const actions: UnitActions = {
    edit: (unit) => setEditing({ unit, parentId: unit.parentId }),
    addChild: (parent) => setEditing({ unit: null, parentId: parent.id }),
    toggleActive: setToggling,
  };
  const create = () => setEditing({ unit: null, parentId: null });

  const dialogs = (
    <>
      {editing && <UnitFormModal unit={editing.unit} defaultParentId={editing.parentId} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('unit.deactivateTitle') : t('unit.activateTitle')}
        message={toggling?.isActive ? t('unit.deactivateText', { name: toggling.name }) : t('unit.activateText', { name: toggling?.name ?? '' })}
        confirmLabel={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isLoading={setActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setActive.mutate(
            { id: toggling.id, isActive: !toggling.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: toggling.isActive ? t('unit.deactivated') : t('unit.activated') });
                setToggling(null);
              },
            },
          );
        }}
      />
    </>
  );
  return { actions, create, dialogs };
}
