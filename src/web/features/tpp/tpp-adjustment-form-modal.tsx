import { NumberInput, SegmentedControl, SimpleGrid, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createTppAdjustmentBody } from '../../../contracts/tpp';
import { updateTppAdjustmentBody, type TppAdjustmentViewItem } from '../../../contracts/tpp-records';
import { AsyncSelect } from '../../components/async-select';
import { FormModal } from '../../components/form-modal';
import { useLocale, useT } from '../../i18n/i18n-context';
import { validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { shiftMonth } from '../attendance/attendance-calendar-data';
import { searchEmployees } from '../employees/employees-api';
import { formatRupiahFor } from './tpp-i18n';
import { TppMonthField } from './tpp-month-field';
import { shownErrors, TppRecordForm } from './tpp-record-form';
import { useCreateTppAdjustment, useEmployeeTppHistory, useUpdateTppAdjustment } from './tpp-records-api';

type Direction = 'underpaid' | 'overpaid';

/** What the corrected month paid the chosen employee, so the admin corrects from the right figure. */
function PaidInCorrectedMonth({ employeeId, period }: { employeeId: string | null; period: string | null }) {
  const t = useT();
  const [locale] = useLocale();
  const history = useEmployeeTppHistory(employeeId);
  if (!employeeId || !period || !history.data) return null;
  const month = history.data.items.find((item) => item.period === period);
  return (
    <Text size="sm" c="dimmed" data-testid="tpp-adjustment-paid">
      {month ? t('tppRecords.adjustments.paidThen', { period, net: formatRupiahFor(month.net, locale) }) : t('tppRecords.adjustments.noResultThen', { period })}
    </Text>
  );
}

/**
 * Record a correction of a closed month paid with a later open month, or change the amount and reason
 * of one (employee and months stay: a wrong one is deleted and recorded again). The amount is entered
 * as a positive number with its direction, so a sign is never mistyped.
 */
export function TppAdjustmentFormModal({ editing, defaultPeriod, onClose }: { editing: TppAdjustmentViewItem | null; defaultPeriod: string; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const create = useCreateTppAdjustment();
  const update = useUpdateTppAdjustment();
  const mutation = editing ? update : create;
  const [employeeId, setEmployeeId] = useState<string | null>(editing?.employeeId ?? null);
  const [period, setPeriod] = useState<string | null>(editing?.period ?? defaultPeriod);
  const [correctsPeriod, setCorrectsPeriod] = useState<string | null>(editing?.correctsPeriod ?? shiftMonth(defaultPeriod, -1));
  const [direction, setDirection] = useState<Direction>(editing && editing.amount < 0 ? 'overpaid' : 'underpaid');
  const [amount, setAmount] = useState<number | string>(editing ? Math.abs(editing.amount) : '');
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const shown = shownErrors(mutation.error, errors);

  const onSuccess = () => {
    notifications.show({ color: 'teal', message: editing ? t('tppRecords.adjustments.updated') : t('tppRecords.adjustments.created') });
    onClose();
  };
  const submit = () => {
    const magnitude = typeof amount === 'number' ? amount : Number.NaN;
    const signed = direction === 'overpaid' ? -magnitude : magnitude;
    if (editing) {
      const body = { amount: signed, reason };
      const found = validateWithSchema(updateTppAdjustmentBody, body, t);
      setErrors(found);
      if (Object.keys(found).length === 0) update.mutate({ id: editing.id, body }, { onSuccess });
      return;
    }
    const body = { employeeId: employeeId ?? '', period: period ?? '', correctsPeriod: correctsPeriod ?? '', amount: signed, reason };
    const found = validateWithSchema(createTppAdjustmentBody, body, t);
    if (!employeeId) found.employeeId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(body, { onSuccess });
  };

  return (
    <FormModal title={editing ? t('tppRecords.adjustments.editTitle') : t('tppRecords.adjustments.createTitle')} onClose={onClose}>
      <TppRecordForm error={mutation.error} isSaving={mutation.isPending} saveTestId="tpp-adjustment-save" onSubmit={submit} onClose={onClose}>
        {editing ? (
          <Text size="sm">
            {t('tppRecords.adjustments.editing', { name: editing.name, nip: editing.nip, corrects: editing.correctsPeriod, period: editing.period })}
          </Text>
        ) : (
          <>
            <AsyncSelect
              label={t('tppRecords.employee')}
              placeholder={t('tppRecords.employeePlaceholder')}
              queryKey="tpp-adjustment-employees"
              search={searchEmployees}
              value={employeeId}
              onChange={setEmployeeId}
              required
              error={shown.employeeId}
              data-testid="tpp-adjustment-employee"
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TppMonthField
                label={t('tppRecords.adjustments.correctsPeriod')}
                description={t('tppRecords.adjustments.correctsPeriodHint')}
                required
                value={correctsPeriod}
                onChange={setCorrectsPeriod}
                error={shown.correctsPeriod}
                data-testid="tpp-adjustment-corrects"
              />
              <TppMonthField
                label={t('tppRecords.adjustments.period')}
                description={t('tppRecords.adjustments.periodHint')}
                required
                value={period}
                onChange={setPeriod}
                error={shown.period}
                data-testid="tpp-adjustment-period"
              />
            </SimpleGrid>
            <PaidInCorrectedMonth employeeId={employeeId} period={correctsPeriod} />
          </>
        )}
        <SegmentedControl
          value={direction}
          onChange={(value) => setDirection(value as Direction)}
          data={[
            { value: 'underpaid', label: t('tppRecords.adjustments.underpaid') },
            { value: 'overpaid', label: t('tppRecords.adjustments.overpaid') },
          ]}
          fullWidth
          data-testid="tpp-adjustment-direction"
        />
        <NumberInput
          label={t('tppRecords.adjustments.amount')}
          description={
            typeof amount === 'number' && amount > 0
              ? t(direction === 'overpaid' ? 'tppRecords.adjustments.amountOverpaid' : 'tppRecords.adjustments.amountUnderpaid', { amount: formatRupiahFor(amount, locale) })
              : t('tppRecords.adjustments.amountHint')
          }
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={locale === 'en' ? ',' : '.'}
          decimalSeparator={locale === 'en' ? '.' : ','}
          prefix="Rp "
          value={amount}
          onChange={setAmount}
          error={shown.amount}
          data-testid="tpp-adjustment-amount"
        />
        <Textarea
          label={t('tppRecords.adjustments.reason')}
          description={t('tppRecords.adjustments.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={shown.reason}
          data-testid="tpp-adjustment-reason"
        />
      </TppRecordForm>
    </FormModal>
  );
}
