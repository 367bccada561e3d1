import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconPlayerPlay, IconPlayerStop, IconSubtask } from '@tabler/icons-react';
import type { Unit } from '../../../contracts/org';
import { useT } from '../../i18n/i18n-context';

export interface UnitActions {
  edit: (unit: Unit) => void;
  addChild: (unit: Unit) => void;
  toggleActive: (unit: Unit) => void;
}

export function UnitActionsMenu({ unit, actions }: { unit: Unit; actions: UnitActions }) {
  const t = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: unit.name })} onClick={(event) => event.stopPropagation()}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => actions.edit(unit)}>
          {t('action.edit')}
        </Menu.Item>
        {unit.isActive && (
          <Menu.Item leftSection={<IconSubtask size={16} />} onClick={() => actions.addChild(unit)}>
            {t('unit.addChild')}
          </Menu.Item>
        )}
        <Menu.Item
          color={unit.isActive ? 'red' : 'teal'}
          leftSection={unit.isActive ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
          onClick={() => actions.toggleActive(unit)}
        >
          {unit.isActive ? t('action.deactivate') : t('action.activate')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
