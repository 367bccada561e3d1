import { ActionIcon, Button, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';

/**
 * The pieces every TPP record tab is made of (corrections, discipline, compliance, bank accounts):
 * the intro with the tab's "add" action, the employee cell, the scrolling table card and the
 * confirmed removal. One place each, so the tabs differ only in their own columns.
 */

/** The tab's intro, with its "add" button beside it when the caller may add. */
export function TppRecordTabHeader({ intro, action }: { intro: string; action?: { label: string; onClick: () => void; testId: string } }) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
        {intro}
      </Text>
      {action && (
        <Button leftSection={<IconPlus size={16} />} onClick={action.onClick} data-testid={action.testId}>
          {action.label}
        </Button>
      )}
    </Group>
  );
}

/** Name, then NIP and unit (when the list shows one): the employee column of every record list (wraps anywhere on a phone). */
export function TppEmployeeCell({ name, nip, unitName }: { name: string; nip: string; unitName?: string | null }) {
  return (
    <Table.Td>
      <Text size="sm" fw={500} className="break-anywhere">
        {name}
      </Text>
      <Text size="xs" c="dimmed" className="break-anywhere">
        {unitName === undefined ? nip : `${nip} · ${unitName ?? '—'}`}
      </Text>
    </Table.Td>
  );
}

type RowAction = { label: string; onClick: () => void; testId: string };

/** The last cell of a row: change (pencil) and remove (red bin) as labelled icons; either may be absent. */
export function TppRowActions({ edit, remove }: { edit?: RowAction; remove?: RowAction }) {
  return (
    <Table.Td>
      <Group gap={2} wrap="nowrap">
        {edit && (
          <Tooltip label={edit.label}>
            <ActionIcon variant="subtle" size="lg" aria-label={edit.label} onClick={edit.onClick} data-testid={edit.testId}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        {remove && (
          <Tooltip label={remove.label}>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={remove.label} onClick={remove.onClick} data-testid={remove.testId}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Table.Td>
  );
}

/** A striped table in a card that scrolls sideways below `minWidth` (phones) instead of squeezing. */
export function TppRecordTable({ minWidth, testId, head, children }: { minWidth: number; testId: string; head: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Asks before removing `item` (null: closed); says so when done, shows the server's refusal otherwise. */
export function TppRemoveDialog<Item>({
  item,
  mutation,
  keyOf,
  title,
  message,
  confirmLabel,
  removedMessage,
  onClose,
}: {
  item: Item | null;
  mutation: UseMutationResult<unknown, Error, string>;
  keyOf: (item: Item) => string;
  title: string;
  message: (item: Item) => string;
  confirmLabel: string;
  removedMessage: string;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      opened={item !== null}
      title={title}
      message={item === null ? '' : message(item)}
      confirmLabel={confirmLabel}
      isLoading={mutation.isPending}
      onConfirm={() =>
        item !== null &&
        mutation.mutate(keyOf(item), {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: removedMessage });
            onClose();
          },
          onError: (error) => notifications.show({ color: 'red', message: error.message }),
        })
      }
      onClose={onClose}
    />
  );
}
