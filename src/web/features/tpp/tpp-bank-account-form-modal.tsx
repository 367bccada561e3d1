import { Alert, Loader, PasswordInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent } from 'react';
import { tppBankAccountBody } from '../../../contracts/tpp';
import { maskAccountNumber, type TppBankAccountRowView } from '../../../contracts/tpp-records';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { shownErrors, TppRecordForm } from './tpp-record-form';
import { useSaveTppBankAccount, useTppBankAccount, type TppBankAccountView } from './tpp-records-api';

type Draft = { bankName: string; accountNumber: string; accountHolder: string };

function BankAccountForm({ row, current, onClose }: { row: TppBankAccountRowView; current: TppBankAccountView | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveTppBankAccount();
  const [draft, setDraft] = useState<Draft>({ bankName: current?.bankName ?? '', accountNumber: current?.accountNumber ?? '', accountHolder: current?.accountHolder ?? row.name });
  const [errors, setErrors] = useState<FormErrors>({});
  const [isConfirming, setIsConfirming] = useState(false);
  const shown = shownErrors(save.error, errors);
  const set = (field: keyof Draft) => (event: ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [field]: event.currentTarget.value });

  const submit = () =>
    save.mutate(
      { employeeId: row.employeeId, body: draft },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('tppRecords.bank.saved', { name: row.name }) });
          onClose();
        },
        onSettled: () => setIsConfirming(false),
      },
    );

  return (
    <TppRecordForm
      error={save.error}
      isSaving={save.isPending && !isConfirming}
      saveTestId="tpp-bank-form-save"
      onSubmit={() => {
        const found = validateWithSchema(tppBankAccountBody, draft, t);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        // Changing where someone is paid is the change that goes wrong most expensively: say it back first.
        if (current && current.accountNumber !== draft.accountNumber.trim()) setIsConfirming(true);
        else submit();
      }}
      onClose={onClose}
      after={
        <ConfirmDialog
          opened={isConfirming}
          title={t('tppRecords.bank.confirmTitle')}
          message={t('tppRecords.bank.confirmText', {
            name: row.name,
            before: current ? `${current.bankName} ${maskAccountNumber(current.accountNumber)}` : '—',
            after: `${draft.bankName.trim()} ${maskAccountNumber(draft.accountNumber.trim())}`,
          })}
          confirmLabel={t('tppRecords.bank.confirm')}
          color="blue"
          isLoading={save.isPending}
          onConfirm={submit}
          onClose={() => setIsConfirming(false)}
        />
      }
    >
      <Text size="sm">
        {row.name} · {row.nip}
      </Text>
      <TextInput label={t('tppRecords.bank.bankName')} required value={draft.bankName} onChange={set('bankName')} error={shown.bankName} maxLength={100} data-testid="tpp-bank-form-bank" />
      <PasswordInput
        label={t('tppRecords.bank.accountNumber')}
        description={t('tppRecords.bank.accountNumberHint')}
        required
        value={draft.accountNumber}
        onChange={set('accountNumber')}
        error={shown.accountNumber}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        visibilityToggleButtonProps={{ 'aria-label': t('tppRecords.bank.showNumber') }}
        data-testid="tpp-bank-form-number"
      />
      <TextInput label={t('tppRecords.bank.accountHolder')} required value={draft.accountHolder} onChange={set('accountHolder')} error={shown.accountHolder} maxLength={200} data-testid="tpp-bank-form-holder" />
    </TppRecordForm>
  );
}

/** Add or change an employee's payroll account; the current number is loaded (masked in the field) only here. */
export function TppBankAccountFormModal({ row, onClose }: { row: TppBankAccountRowView; onClose: () => void }) {
  const t = useT();
  const hasAccount = row.accountNumberMasked !== null;
  const current = useTppBankAccount(hasAccount ? row.employeeId : null);
  return (
    <FormModal title={hasAccount ? t('tppRecords.bank.editTitle') : t('tppRecords.bank.addTitle')} onClose={onClose}>
      {hasAccount && current.isPending ? (
        <Loader size="sm" />
      ) : hasAccount && current.isError ? (
        <Alert color="red" role="alert">
          {current.error.message}
        </Alert>
      ) : (
        <BankAccountForm row={row} current={current.data ?? null} onClose={onClose} />
      )}
    </FormModal>
  );
}
