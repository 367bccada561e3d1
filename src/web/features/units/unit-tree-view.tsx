import { Badge, Group, Stack, Text, TextInput, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronDown, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../contracts/org';
import { useT } from '../../i18n/i18n-context';
import { labelOf, useReference } from '../reference/use-reference';
import { UnitActionsMenu, type UnitActions } from './unit-actions-menu';
import { buildUnitForest, filterUnitForest, type UnitNode } from './unit-tree-data';

const toTreeData = (nodes: UnitNode[]): TreeNodeData[] =>
  nodes.map((node) => ({ value: node.unit.id, label: node.unit.name, children: toTreeData(node.children) }));

function collectValues(nodes: TreeNodeData[], into: Record<string, boolean> = {}) {
  for (const node of nodes) {
    into[node.value] = true;
    collectValues(node.children ?? [], into);
  }
  return into;
}

/** The unit tree with a filter box; each node shows code, kind and status, and (for writers) an actions menu. */
export function UnitTreeView({ units, actions }: { units: Unit[]; actions: UnitActions | null }) {
  const t = useT();
  const reference = useReference();
  const [filter, setFilter] = useState('');
  const unitsById = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const forest = useMemo(() => buildUnitForest(units), [units]);
  const data = useMemo(() => toTreeData(filterUnitForest(forest, filter)), [forest, filter]);
  const topLevelExpanded = (nodes: TreeNodeData[]) => Object.fromEntries(nodes.map((node) => [node.value, true]));
  const tree = useTree({ initialExpandedState: topLevelExpanded(data) });

  // While filtering, open every branch that leads to a match; without a filter show the top level open.
  const changeFilter = (text: string) => {
    setFilter(text);
    const filtered = toTreeData(filterUnitForest(forest, text));
    tree.setExpandedState(text.trim() ? collectValues(filtered) : topLevelExpanded(filtered));
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('unit.filterTree')}
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(event) => changeFilter(event.currentTarget.value)}
        data-testid="unit-tree-filter"
        maw={420}
      />
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('list.noMatch')}
        </Text>
      ) : (
        <Tree
          data={data}
          tree={tree}
          levelOffset="md"
          aria-label={t('unit.treeLabel')}
          data-testid="unit-tree"
          renderNode={({ node, expanded, hasChildren, elementProps }) => {
            const unit = unitsById.get(node.value);
            if (!unit) return null;
            return (
              <Group gap={6} wrap="nowrap" py={4} {...elementProps} style={{ ...elementProps.style, cursor: hasChildren ? 'pointer' : 'default' }}>
                <IconChevronDown
                  size={16}
                  aria-hidden
                  style={{ visibility: hasChildren ? 'visible' : 'hidden', transform: expanded ? 'none' : 'rotate(-90deg)', flexShrink: 0 }}
                />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500} c={unit.isActive ? undefined : 'dimmed'} className="break-anywhere">
                    {unit.name}
                  </Text>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {unit.code}
                    </Text>
                    <Badge size="xs" variant="light" color="gray">
                      {labelOf(reference.data?.unitKinds, unit.kind)}
                    </Badge>
                    {!unit.isActive && (
                      <Badge size="xs" variant="light" color="red">
                        {t('status.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
                {actions && <UnitActionsMenu unit={unit} actions={actions} />}
              </Group>
            );
          }}
        />
      )}
    </Stack>
  );
}
