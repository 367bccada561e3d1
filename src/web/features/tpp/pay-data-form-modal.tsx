import { Alert, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createPayDataBody } from '../../../contracts/tpp-pay-data';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useSavePayData, type PayDataRecordView } from './pay-data-api';

interface PayDataFormModalProps {
  employee: { id: string; jenisAsn: 'PNS' | 'PPPK' };
  /** null = a new row, prefilled from `template` (the latest row) when there is one. */
  record: PayDataRecordView | null;
  template: PayDataRecordView | null;
  defaultDate: string;
  onClose: () => void;
}

const amount = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

/** One row of pay data: TMT, CPNS status (PNS only), gaji pokok and the allowances the BPJS cap counts. */
export function PayDataFormModal({ employee, record, template, defaultDate, onClose }: PayDataFormModalProps) {
  const t = useT();
  const save = useSavePayData();
  const start = record ?? template;
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(record?.effectiveFrom ?? defaultDate);
  const [isCpns, setCpns] = useState(start?.isCpns ?? false);
  const [baseSalary, setBaseSalary] = useState<string | number>(start?.baseSalary ?? '');
  const [familyAllowance, setFamilyAllowance] = useState<string | number>(start?.familyAllowance ?? 0);
  const [positionAllowance, setPositionAllowance] = useState<string | number>(start?.positionAllowance ?? 0);
  const [professionAllowance, setProfessionAllowance] = useState<string | number>(start?.professionAllowance ?? 0);
  const [decreeNumber, setDecreeNumber] = useState(record?.decreeNumber ?? '');
  const [note, setNote] = useState(record?.note ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };
  const money = (label: string, value: string | number, onChange: (value: string | number) => void, field: string, required = false) => (
    <NumberInput
      label={label}
      description={t('payData.rupiahHint')}
      value={value}
      onChange={onChange}
      min={0}
      step={1000}
      allowDecimal={false}
      thousandSeparator="."
      decimalSeparator=","
      required={required}
      error={shown[field]}
      data-testid={`pay-data-${field}`}
    />
  );

  return (
    <FormModal title={record ? t('payData.editTitle') : t('payData.createTitle')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = {
            employeeId: employee.id,
            effectiveFrom: effectiveFrom ?? '',
            isCpns: employee.jenisAsn === 'PNS' && isCpns,
            baseSalary: amount(baseSalary),
            familyAllowance: amount(familyAllowance),
            positionAllowance: amount(positionAllowance),
            professionAllowance: amount(professionAllowance),
            decreeNumber: decreeNumber.trim() || null,
            note: note.trim() || null,
          };
          const found = validateWithSchema(createPayDataBody, body, t);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          save.mutate(
            { id: record?.id ?? null, body },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('payData.saved') });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <DateField label={t('payData.tmt')} description={t('payData.tmtHint')} required value={effectiveFrom} onChange={setEffectiveFrom} error={shown.effectiveFrom} data-testid="pay-data-tmt" />
          {employee.jenisAsn === 'PNS' && (
            <Checkbox label={t('payData.isCpns')} description={t('payData.isCpnsHint')} checked={isCpns} onChange={(event) => setCpns(event.currentTarget.checked)} error={shown.isCpns} data-testid="pay-data-cpns" />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {money(t('payData.baseSalary'), baseSalary, setBaseSalary, 'baseSalary', true)}
            {money(t('payData.familyAllowance'), familyAllowance, setFamilyAllowance, 'familyAllowance')}
            {money(t('payData.positionAllowance'), positionAllowance, setPositionAllowance, 'positionAllowance')}
            {money(t('payData.professionAllowance'), professionAllowance, setProfessionAllowance, 'professionAllowance')}
          </SimpleGrid>
          <TextInput label={t('payData.decreeNumber')} maxLength={100} value={decreeNumber} onChange={(event) => setDecreeNumber(event.currentTarget.value)} error={shown.decreeNumber} />
          <TextInput label={t('payData.note')} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={shown.note} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="pay-data-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
