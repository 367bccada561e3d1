import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { addDays } from '../../../domain/attendance/calendar-zone';
import type { EntryDeadline } from '../../../domain/activities/rules';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT, type Translate } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useActivityRuleSets, type ActivityRuleSet } from './activities-admin-api';
import { canManageActivityRules } from './activity-admin-permissions';
import { ActivityRuleSetFormModal } from './activity-rule-set-form-modal';

const deadlineText = (t: Translate, deadline: EntryDeadline) =>
  deadline.kind === 'days_after' ? t('activityAdmin.rules.deadlineDaysAfter', { days: deadline.days }) : t('activityAdmin.rules.deadlineDayOfNextMonth', { day: deadline.day });

function RuleSetCard({ ruleSet, isInForce }: { ruleSet: ActivityRuleSet; isInForce: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { rules } = ruleSet;
  return (
    <Card withBorder padding="md" data-testid="rule-set-card">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} className="break-anywhere">
            {ruleSet.name}
          </Text>
          <Text size="sm" c="dimmed">
            {ruleSet.effectiveTo
              ? t('activityAdmin.rules.period', { from: formatDate(ruleSet.effectiveFrom, locale), to: formatDate(ruleSet.effectiveTo, locale) })
              : t('activityAdmin.rules.periodOpen', { from: formatDate(ruleSet.effectiveFrom, locale) })}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {ruleSet.regulation}
          </Text>
        </Stack>
        {isInForce && (
          <Badge color="teal" variant="light">
            {t('activityAdmin.rules.inForce')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <List size="sm" spacing={2}>
          <List.Item>{t('activityAdmin.rules.summaryNorm', { minutes: rules.dailyNormMinutes })}</List.Item>
          <List.Item>{t('activityAdmin.rules.summaryCap', { minutes: rules.dailyCapMinutes })}</List.Item>
          <List.Item>
            {t('activityAdmin.rules.entryDeadline')}: {deadlineText(t, rules.entryDeadline)}
          </List.Item>
          <List.Item>
            {t('activityAdmin.rules.approvalDeadline')}: {deadlineText(t, rules.approvalDeadline)}
          </List.Item>
        </List>
        <List size="sm" spacing={2}>
          <List.Item>{t(rules.allowEntriesOnLeave ? 'activityAdmin.rules.onLeaveYes' : 'activityAdmin.rules.onLeaveNo')}</List.Item>
          <List.Item>{t(rules.allowEntriesOnDaysOff ? 'activityAdmin.rules.onDaysOffYes' : 'activityAdmin.rules.onDaysOffNo')}</List.Item>
          <List.Item>
            {t('activityAdmin.rules.leaveDays')}: {t(`activityAdmin.rules.leaveDays.${rules.leaveDays}`)}
          </List.Item>
          <List.Item>{t('activityAdmin.rules.summaryRepeated', { count: rules.repeatedTextThreshold })}</List.Item>
        </List>
      </SimpleGrid>
    </Card>
  );
}

/** The versions of the region's daily-activity rules, newest first; BKPSDM adds a version that starts after the latest. */
export function ActivityRuleSetsPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canManageActivityRules(me.roles);
  const ruleSets = useActivityRuleSets();
  const [isCreating, setIsCreating] = useState(false);
  const versions = ruleSets.data?.items ?? [];
  const latest = versions.at(-1) ?? null;
  const today = todayInBrowser();
  const inForceId = versions.findLast((version) => version.effectiveFrom <= today)?.id ?? null;
  const nextStart = latest && latest.effectiveFrom >= today ? addDays(latest.effectiveFrom, 1) : addDays(today, 1);

  return (
    <>
      <PageHeader
        title={t('activityAdmin.rules.title')}
        description={t('activityAdmin.rules.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)} data-testid="rule-set-create">
              {t('activityAdmin.rules.create')}
            </Button>
          )
        }
      />
      {ruleSets.isError && <ErrorState error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />}
      <Stack gap="sm">
        {ruleSets.data && versions.length === 0 && <Text c="dimmed">{t('activityAdmin.rules.empty')}</Text>}
        {[...versions].reverse().map((ruleSet) => (
          <RuleSetCard key={ruleSet.id} ruleSet={ruleSet} isInForce={ruleSet.id === inForceId} />
        ))}
      </Stack>
      {isCreating && <ActivityRuleSetFormModal latest={latest} defaultDate={nextStart} onClose={() => setIsCreating(false)} />}
    </>
  );
}
