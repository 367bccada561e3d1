import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createTppDisciplineDecisionBody } from '../../../contracts/tpp';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useLocale, useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchEmployees } from '../employees/employees-api';
import { TppMonthField } from './tpp-month-field';
import { describePenalty } from './tpp-records-format';
import { useCreateTppDisciplineDecision, useTppRecordOptions } from './tpp-records-api';

/**
 * Record a penalty from an official decision (SK). The penalties offered are the ones the rule set of
 * the first month prices, read from the server, so nothing the server would refuse is offered.
 */
export function TppDisciplineFormModal({ defaultPeriod, onClose }: { defaultPeriod: string; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const create = useCreateTppDisciplineDecision();
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState<string | null>(null);
  const [startPeriod, setStartPeriod] = useState<string | null>(defaultPeriod);
  const [penaltyCode, setPenaltyCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const options = useTppRecordOptions(startPeriod);
  const serverErrors = serverFieldErrors(create.error);
  const shown = { ...serverErrors, ...errors };
  const penalties = options.data?.penalties ?? [];
  const monthProblem = options.data?.isPeriodClosed
    ? t('tppRecords.discipline.monthClosed', { period: options.data.period })
    : options.data && options.data.ruleSetName === null
      ? t('tppRecords.discipline.noRuleSet', { period: options.data.period })
      : undefined;

  return (
    <FormModal title={t('tppRecords.discipline.createTitle')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = { employeeId: employeeId ?? '', decisionNumber, decisionDate: decisionDate ?? '', penaltyCode: penaltyCode ?? '', startPeriod: startPeriod ?? '', note: note.trim() === '' ? null : note };
          const found = validateWithSchema(createTppDisciplineDecisionBody, body, t);
          if (!employeeId) found.employeeId = t('validation.required');
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          create.mutate(body, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('tppRecords.discipline.created') });
              onClose();
            },
          });
        }}
      >
        <Stack>
          {create.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <AsyncSelect
            label={t('tppRecords.employee')}
            placeholder={t('tppRecords.employeePlaceholder')}
            queryKey="tpp-discipline-employees"
            search={searchEmployees}
            value={employeeId}
            onChange={setEmployeeId}
            required
            error={shown.employeeId}
            data-testid="tpp-discipline-employee"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('tppRecords.discipline.decisionNumber')}
              required
              maxLength={100}
              value={decisionNumber}
              onChange={(event) => setDecisionNumber(event.currentTarget.value)}
              error={shown.decisionNumber}
              data-testid="tpp-discipline-number"
            />
            <DateField label={t('tppRecords.discipline.decisionDate')} required value={decisionDate} onChange={setDecisionDate} error={shown.decisionDate} data-testid="tpp-discipline-date" />
          </SimpleGrid>
          <TppMonthField
            label={t('tppRecords.discipline.startPeriod')}
            description={t('tppRecords.discipline.startPeriodHint')}
            required
            value={startPeriod}
            onChange={(month) => {
              setStartPeriod(month);
              setPenaltyCode(null);
            }}
            error={shown.startPeriod ?? monthProblem}
            data-testid="tpp-discipline-start"
          />
          <Select
            label={t('tppRecords.discipline.penalty')}
            description={options.data?.ruleSetName ? t('tppRecords.discipline.penaltyHint', { ruleSet: options.data.ruleSetName }) : undefined}
            required
            data={penalties.map((penalty) => ({ value: penalty.code, label: describePenalty(penalty, t, locale) }))}
            value={penaltyCode}
            onChange={setPenaltyCode}
            disabled={penalties.length === 0}
            error={shown.penaltyCode}
            comboboxProps={{ withinPortal: true }}
            data-testid="tpp-discipline-penalty"
          />
          <Textarea label={t('tppRecords.discipline.note')} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={shown.note} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="tpp-discipline-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
