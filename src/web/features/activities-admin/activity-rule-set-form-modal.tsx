import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createActivityRuleSetRequest } from '../../../contracts/activities-admin';
import { DEFAULT_ACTIVITY_RULES, LEAVE_DAY_TREATMENTS, type ActivityRules, type EntryDeadline, type LeaveDayTreatment } from '../../../domain/activities/rules';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useCreateActivityRuleSet } from './activities-admin-api';

const numberOf = (value: number | string) => (typeof value === 'number' ? value : Number.NaN);

/** A deadline as two inputs: the kind, and its number of days (D + n) or day of the next month. */
function DeadlineInput({ label, value, onChange, error, testId }: { label: string; value: EntryDeadline; onChange: (value: EntryDeadline) => void; error?: string; testId: string }) {
  const t = useT();
  const amount = value.kind === 'days_after' ? value.days : value.day;
  const setAmount = (next: number) => onChange(value.kind === 'days_after' ? { kind: 'days_after', days: next } : { kind: 'day_of_next_month', day: next });
  return (
    <Stack gap={4}>
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label={label}
          data={[
            { value: 'days_after', label: t('activityAdmin.rules.deadline.days_after') },
            { value: 'day_of_next_month', label: t('activityAdmin.rules.deadline.day_of_next_month') },
          ]}
          value={value.kind}
          onChange={(kind) => kind && onChange(kind === 'days_after' ? { kind: 'days_after', days: amount } : { kind: 'day_of_next_month', day: Math.max(1, Math.min(28, amount)) })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid={`${testId}-kind`}
        />
        <NumberInput
          label={value.kind === 'days_after' ? t('activityAdmin.rules.deadline.daysLabel') : t('activityAdmin.rules.deadline.dayLabel')}
          min={value.kind === 'days_after' ? 0 : 1}
          max={value.kind === 'days_after' ? 62 : 28}
          allowDecimal={false}
          value={amount}
          onChange={(next) => setAmount(numberOf(next))}
          data-testid={`${testId}-amount`}
        />
      </SimpleGrid>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** A new version of the region's activity rules, prefilled with the latest version; it must start after that version. */
export function ActivityRuleSetFormModal({ latest, defaultDate, onClose }: { latest: { rules: ActivityRules; regulation: string } | null; defaultDate: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateActivityRuleSet();
  const [name, setName] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(defaultDate);
  const [regulation, setRegulation] = useState(latest?.regulation ?? '');
  const [rules, setRules] = useState<ActivityRules>(latest?.rules ?? DEFAULT_ACTIVITY_RULES);
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(create.error);
  const shown = { ...serverErrors, ...errors };
  const set = <K extends keyof ActivityRules>(key: K, value: ActivityRules[K]) => setRules((current) => ({ ...current, [key]: value }));

  return (
    <FormModal title={t('activityAdmin.rules.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const request = { name, effectiveFrom: effectiveFrom ?? '', regulation, rules };
          const found = validateWithSchema(createActivityRuleSetRequest, request, t);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          create.mutate(request, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('activityAdmin.rules.created') });
              onClose();
            },
          });
        }}
        noValidate
      >
        <Stack>
          {create.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <TextInput label={t('activityAdmin.rules.name')} required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="rule-set-name" />
          <DateField label={t('activityAdmin.rules.effectiveFrom')} description={t('activityAdmin.rules.effectiveFromHint')} required value={effectiveFrom} onChange={setEffectiveFrom} error={shown.effectiveFrom} data-testid="rule-set-from" />
          <TextInput
            label={t('activityAdmin.rules.regulation')}
            description={t('activityAdmin.rules.regulationHint')}
            required
            maxLength={500}
            value={regulation}
            onChange={(event) => setRegulation(event.currentTarget.value)}
            error={shown.regulation}
            data-testid="rule-set-regulation"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('activityAdmin.rules.dailyNorm')}
              description={t('activityAdmin.rules.dailyNormHint')}
              min={30}
              max={720}
              allowDecimal={false}
              value={rules.dailyNormMinutes}
              onChange={(value) => set('dailyNormMinutes', numberOf(value))}
              error={shown['rules.dailyNormMinutes']}
              data-testid="rule-set-norm"
            />
            <NumberInput
              label={t('activityAdmin.rules.dailyCap')}
              description={t('activityAdmin.rules.dailyCapHint')}
              min={30}
              max={1440}
              allowDecimal={false}
              value={rules.dailyCapMinutes}
              onChange={(value) => set('dailyCapMinutes', numberOf(value))}
              error={shown['rules.dailyCapMinutes']}
              data-testid="rule-set-cap"
            />
          </SimpleGrid>
          <DeadlineInput label={t('activityAdmin.rules.entryDeadline')} value={rules.entryDeadline} onChange={(value) => set('entryDeadline', value)} error={shown['rules.entryDeadline.days'] ?? shown['rules.entryDeadline.day']} testId="rule-set-entry-deadline" />
          <DeadlineInput
            label={t('activityAdmin.rules.approvalDeadline')}
            value={rules.approvalDeadline}
            onChange={(value) => set('approvalDeadline', value)}
            error={shown['rules.approvalDeadline.days'] ?? shown['rules.approvalDeadline.day']}
            testId="rule-set-approval-deadline"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('activityAdmin.rules.leaveDays')}
              data={LEAVE_DAY_TREATMENTS.map((value) => ({ value, label: t(`activityAdmin.rules.leaveDays.${value}`) }))}
              value={rules.leaveDays}
              onChange={(value) => value && set('leaveDays', value as LeaveDayTreatment)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('activityAdmin.rules.repeatedText')}
              description={t('activityAdmin.rules.repeatedTextHint')}
              min={2}
              max={31}
              allowDecimal={false}
              value={rules.repeatedTextThreshold}
              onChange={(value) => set('repeatedTextThreshold', numberOf(value))}
              error={shown['rules.repeatedTextThreshold']}
            />
          </SimpleGrid>
          <Switch label={t('activityAdmin.rules.allowOnLeave')} checked={rules.allowEntriesOnLeave} onChange={(event) => set('allowEntriesOnLeave', event.currentTarget.checked)} />
          <Switch label={t('activityAdmin.rules.allowOnDaysOff')} checked={rules.allowEntriesOnDaysOff} onChange={(event) => set('allowEntriesOnDaysOff', event.currentTarget.checked)} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="rule-set-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
