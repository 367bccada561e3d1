import { SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { tppTreasurerBody, type TppTreasurerView } from '../../../contracts/tpp-records';
import { findOpdOf } from '../../../domain/org/unit-tree';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchEmployeesIn } from '../employees/employees-api';
import { UnitSelect } from '../units/unit-select';
import { useUnitTree } from '../units/units-api';
import { useUnitsOutsideScope } from './tpp-record-filters';
import { shownErrors, TppRecordForm } from './tpp-record-form';
import { useSaveTppTreasurer } from './tpp-records-api';

/**
 * Record a treasurer's appointment from its decree, or correct or end one (an end date). The
 * employee is searched within the OPD of the unit chosen, as the server requires.
 */
export function TppTreasurerFormModal({ editing, onClose }: { editing: TppTreasurerView | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveTppTreasurer();
  const tree = useUnitTree();
  const outside = useUnitsOutsideScope();
  const [unitId, setUnitId] = useState<string | null>(editing?.unitId ?? null);
  const [employeeId, setEmployeeId] = useState<string | null>(editing?.employeeId ?? null);
  const [decreeNumber, setDecreeNumber] = useState(editing?.decreeNumber ?? '');
  const [startDate, setStartDate] = useState<string | null>(editing?.startDate ?? null);
  const [endDate, setEndDate] = useState<string | null>(editing?.endDate ?? null);
  const [errors, setErrors] = useState<FormErrors>({});
  const shown = shownErrors(save.error, errors);
  const opdId = useMemo(() => {
    if (!unitId) return null;
    return findOpdOf(new Map((tree.data?.items ?? []).map((unit) => [unit.id, unit])), unitId)?.id ?? null;
  }, [tree.data, unitId]);
  const search = useMemo(() => searchEmployeesIn(opdId), [opdId]);

  const submit = () => {
    const body = { unitId: unitId ?? '', employeeId: employeeId ?? '', decreeNumber, startDate: startDate ?? '', endDate };
    const found = validateWithSchema(tppTreasurerBody, body, t);
    if (!unitId) found.unitId = t('validation.required');
    if (!employeeId) found.employeeId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: editing?.id ?? null, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: editing ? t('tppRecords.treasurers.updated') : t('tppRecords.treasurers.created') });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={editing ? t('tppRecords.treasurers.editTitle') : t('tppRecords.treasurers.createTitle')} onClose={onClose}>
      <TppRecordForm error={save.error} isSaving={save.isPending} saveTestId="tpp-treasurer-save" onSubmit={submit} onClose={onClose}>
        <UnitSelect
          label={t('tppRecords.treasurers.unit')}
          description={t('tppRecords.treasurers.unitHint')}
          value={unitId}
          onChange={(next) => {
            setUnitId(next);
            // Another unit may be another OPD: the employee is chosen again.
            if (next !== unitId) setEmployeeId(null);
          }}
          excludeIds={outside}
          clearable={false}
          required
          error={shown.unitId}
          data-testid="tpp-treasurer-unit"
        />
        <AsyncSelect
          key={opdId ?? 'none'}
          label={t('tppRecords.employee')}
          description={t('tppRecords.treasurers.employeeHint')}
          placeholder={t('tppRecords.employeePlaceholder')}
          queryKey={`tpp-treasurer-employees-${opdId ?? 'none'}`}
          search={search}
          selectedOption={editing && editing.unitId === unitId ? { value: editing.employeeId, label: `${editing.name} — ${editing.nip}` } : null}
          value={employeeId}
          onChange={setEmployeeId}
          disabled={!unitId}
          required
          error={shown.employeeId}
          data-testid="tpp-treasurer-employee"
        />
        <TextInput
          label={t('tppRecords.treasurers.decreeNumber')}
          required
          maxLength={100}
          value={decreeNumber}
          onChange={(event) => setDecreeNumber(event.currentTarget.value)}
          error={shown.decreeNumber}
          data-testid="tpp-treasurer-decree"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateField label={t('tppRecords.treasurers.startDate')} required value={startDate} onChange={setStartDate} error={shown.startDate} data-testid="tpp-treasurer-start" />
          <DateField
            label={t('tppRecords.treasurers.endDate')}
            description={t('tppRecords.treasurers.endDateHint')}
            clearable
            value={endDate}
            onChange={setEndDate}
            error={shown.endDate}
            data-testid="tpp-treasurer-end"
          />
        </SimpleGrid>
      </TppRecordForm>
    </FormModal>
  );
}
