import { ActionIcon, Anchor, Badge, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots, IconPaperclip, IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import type { ActivityEntryView } from '../../../contracts/activities';
import { useT } from '../../i18n/i18n-context';
import { EntryStatusBadge } from './entry-status-badge';

const EDITABLE = new Set(['draft', 'submitted', 'returned']);
const SUBMITTABLE = new Set(['draft', 'returned']);

/** One entry of the day: time, activity, minutes, the RHK it supports, status and what the owner may still do with it. */
export function EntryCard({ entry, onEdit, onSubmit, onDelete }: { entry: ActivityEntryView; onEdit: () => void; onSubmit: () => void; onDelete: () => void }) {
  const t = useT();
  const isEditable = EDITABLE.has(entry.status);
  return (
    <Card withBorder padding="sm" data-testid="entry-card" data-status={entry.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {entry.startTime}–{entry.endTime}
          </Text>
          <Text size="sm" className="break-anywhere">
            {entry.title}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <EntryStatusBadge status={entry.status} />
          {isEditable && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('activityEntry.actions')} data-testid="entry-actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit} data-testid="entry-edit">
                  {t('action.edit')}
                </Menu.Item>
                {SUBMITTABLE.has(entry.status) && (
                  <Menu.Item leftSection={<IconSend size={14} />} onClick={onSubmit} data-testid="entry-submit">
                    {entry.status === 'returned' ? t('activityEntry.resubmit') : t('activityEntry.submit')}
                  </Menu.Item>
                )}
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete} data-testid="entry-delete">
                  {t('activityEntry.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          {entry.volume} {entry.outputUnit} · {t('activityEntry.minutesClaimed', { minutes: entry.claimedMinutes })}
          {entry.approvedMinutes !== null ? ` · ${t('activityEntry.minutesApproved', { minutes: entry.approvedMinutes })}` : ''}
        </Text>
        {entry.isAdditionalTask && (
          <Badge size="xs" variant="outline">
            {t('activityEntry.additionalTask')}
          </Badge>
        )}
      </Group>
      {entry.description && (
        <Text size="xs" mt={2} className="break-anywhere">
          {entry.description}
        </Text>
      )}
      {entry.skpRhkText && (
        <Text size="xs" c="dimmed" mt={2} className="break-anywhere" data-testid="entry-rhk-text">
          {t('activityEntry.rhkOfEntry', { text: entry.skpRhkText })}
        </Text>
      )}
      {entry.evidence && (
        <Group gap={6} mt={2}>
          <IconPaperclip size={12} />
          {entry.evidence.attachmentId && (
            <Anchor size="xs" href={`/api/activities/evidence/${entry.evidence.attachmentId}`} target="_blank" rel="noopener">
              {entry.evidence.fileName ?? t('activityEntry.evidenceFile')}
            </Anchor>
          )}
          {entry.evidence.link && (
            <Anchor size="xs" href={entry.evidence.link} target="_blank" rel="noopener noreferrer" className="break-anywhere">
              {t('activityEntry.evidenceLink')}
            </Anchor>
          )}
        </Group>
      )}
      {entry.decisionReason && (entry.status === 'returned' || entry.status === 'rejected') && (
        <Text size="xs" c={entry.status === 'rejected' ? 'red' : 'orange'} mt={2} className="break-anywhere">
          {t('activityEntry.decisionReason', { reason: entry.decisionReason })}
        </Text>
      )}
    </Card>
  );
}
