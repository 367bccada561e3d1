import { ActionIcon, Anchor, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconDots, IconPaperclip, IconX } from '@tabler/icons-react';
import type { ActivityEntryView, EvidenceVerdict } from '../../../contracts/activities';
import { EVIDENCE_VERDICTS } from '../../../contracts/activities';
import { useT } from '../../i18n/i18n-context';
import { downloadEvidence } from './activity-approvals-api';

const verdictColors: Record<EvidenceVerdict, string> = { matching: 'teal', insufficient: 'yellow', not_matching: 'red' };

/**
 * One pending entry: time, activity, output, minutes, the SKP RHK it supports, signals, evidence and its verdict. Approving
 * is one tap; reject, return and the evidence verdict sit in a menu to keep the row short on a phone.
 */
export function ApprovalEntryItem({
  entry,
  isApproving,
  onApprove,
  onReject,
  onReturn,
  onVerdict,
}: {
  entry: ActivityEntryView;
  isApproving: boolean;
  onApprove: () => void;
  onReject: () => void;
  onReturn: () => void;
  onVerdict: (verdict: EvidenceVerdict) => void;
}) {
  const t = useT();
  const evidence = entry.evidence;
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="approval-entry" data-entry-id={entry.id}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} className="break-anywhere">
              {entry.startTime}–{entry.endTime} · {entry.title}
            </Text>
            <Text size="xs" c="dimmed">
              {entry.volume} {entry.outputUnit} · {t('activityApproval.minutes', { minutes: entry.claimedMinutes })}
              {entry.isAdditionalTask && ` · ${t('activityApproval.additionalTask')}`}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} loading={isApproving} onClick={onApprove} data-testid="approval-entry-approve">
              {t('activityApproval.approve')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="md" aria-label={t('activityApproval.more')} data-testid="approval-entry-menu">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={onReturn} data-testid="approval-entry-return">
                  {t('activityApproval.return')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconX size={14} />} onClick={onReject} data-testid="approval-entry-reject">
                  {t('activityApproval.reject')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Label>{t('activityApproval.verdict')}</Menu.Label>
                {EVIDENCE_VERDICTS.map((verdict) => (
                  <Menu.Item key={verdict} onClick={() => onVerdict(verdict)} data-testid={`approval-verdict-${verdict}`}>
                    {t(`activityApproval.verdict.${verdict}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {entry.description && (
          <Text size="sm" className="break-anywhere">
            {entry.description}
          </Text>
        )}
        {entry.skpRhkText && (
          <Text size="xs" c="dimmed" className="break-anywhere" data-testid="approval-entry-rhk">
            {t('activityApproval.rhk', { text: entry.skpRhkText })}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          {entry.signals.map((signal) => (
            <Badge key={signal} color="orange" variant="light" size="sm" data-testid="approval-signal">
              {t(`activityApproval.signal.${signal}`)}
            </Badge>
          ))}
          {entry.evidenceVerdict && (
            <Badge color={verdictColors[entry.evidenceVerdict]} variant="outline" size="sm">
              {t('activityApproval.evidence')}: {t(`activityApproval.verdict.${entry.evidenceVerdict}`)}
            </Badge>
          )}
          {evidence?.attachmentId && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => downloadEvidence(evidence.attachmentId as string, evidence.fileName).catch((error: Error) => notifications.show({ color: 'red', message: error.message }))}
            >
              <IconPaperclip size={12} /> {evidence.fileName ?? t('activityApproval.openEvidence')}
            </Anchor>
          )}
          {evidence?.link && (
            <Anchor href={evidence.link} target="_blank" rel="noopener noreferrer" size="xs" className="break-anywhere">
              {t('activityApproval.openEvidence')}
            </Anchor>
          )}
          {!evidence && (
            <Text size="xs" c="dimmed">
              {t('activityApproval.noEvidence')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
