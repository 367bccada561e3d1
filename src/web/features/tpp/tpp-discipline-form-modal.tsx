import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createTppDisciplineDecisionBody } from '../../../contracts/tpp';
import type { TppDisciplineDecisionViewItem } from '../../../contracts/tpp-records';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useLocale, useT } from '../../i18n/i18n-context';
import { validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchEmployees } from '../employees/employees-api';
import { TppMonthField } from './tpp-month-field';
import { shownErrors, TppRecordForm } from './tpp-record-form';
import { describePenalty } from './tpp-records-format';
import { useCreateTppDisciplineDecision, useTppRecordOptions, useUpdateTppDisciplineDecision } from './tpp-records-api';

/**
 * Record a penalty from an official decision (SK), or correct one recorded wrongly while its first
 * month is open. The penalties offered are the ones the rule set of the first month prices, read from
 * the server, so nothing the server would refuse is offered.
 */
export function TppDisciplineFormModal({ editing, defaultPeriod, onClose }: { editing: TppDisciplineDecisionViewItem | null; defaultPeriod: string; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const create = useCreateTppDisciplineDecision();
  const update = useUpdateTppDisciplineDecision();
  const mutation = editing ? update : create;
  const [employeeId, setEmployeeId] = useState<string | null>(editing?.employeeId ?? null);
  const [decisionNumber, setDecisionNumber] = useState(editing?.decisionNumber ?? '');
  const [decisionDate, setDecisionDate] = useState<string | null>(editing?.decisionDate ?? null);
  const [startPeriod, setStartPeriod] = useState<string | null>(editing?.startPeriod ?? defaultPeriod);
  const [penaltyCode, setPenaltyCode] = useState<string | null>(editing?.penaltyCode ?? null);
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const options = useTppRecordOptions(startPeriod);
  const shown = shownErrors(mutation.error, errors);
  const penalties = options.data?.penalties ?? [];
  const monthProblem = options.data?.isPeriodClosed
    ? t('tppRecords.discipline.monthClosed', { period: options.data.period })
    : options.data && options.data.ruleSetName === null
      ? t('tppRecords.discipline.noRuleSet', { period: options.data.period })
      : undefined;

  const submit = () => {
    const body = { employeeId: employeeId ?? '', decisionNumber, decisionDate: decisionDate ?? '', penaltyCode: penaltyCode ?? '', startPeriod: startPeriod ?? '', note: note.trim() === '' ? null : note };
    const found = validateWithSchema(createTppDisciplineDecisionBody, body, t);
    if (!employeeId) found.employeeId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: editing ? t('tppRecords.discipline.updated') : t('tppRecords.discipline.created') });
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  return (
    <FormModal title={editing ? t('tppRecords.discipline.editTitle') : t('tppRecords.discipline.createTitle')} onClose={onClose}>
      <TppRecordForm error={mutation.error} isSaving={mutation.isPending} saveTestId="tpp-discipline-save" onSubmit={submit} onClose={onClose}>
        <AsyncSelect
          label={t('tppRecords.employee')}
          placeholder={t('tppRecords.employeePlaceholder')}
          queryKey="tpp-discipline-employees"
          search={searchEmployees}
          selectedOption={editing ? { value: editing.employeeId, label: `${editing.name} — ${editing.nip}` } : null}
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
        <Textarea label={t('tppRecords.discipline.note')} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={shown.note} data-testid="tpp-discipline-note" />
      </TppRecordForm>
    </FormModal>
  );
}
