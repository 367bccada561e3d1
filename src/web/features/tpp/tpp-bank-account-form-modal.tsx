import { Alert, Button, Group, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent } from 'react';
import { tppBankAccountBody } from '../../../contracts/tpp';
import { maskAccountNumber, type TppBankAccountRowView } from '../../../contracts/tpp-records';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useSaveTppBankAccount, useTppBankAccount, type TppBankAccountView } from './tpp-records-api';

type Draft = { bankName: string; accountNumber: string; accountHolder: string };

function BankAccountForm({ row, current, onClose }: { row: TppBankAccountRowView; current: TppBankAccountView | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveTppBankAccount();
  const [draft, setDraft] = useState<Draft>({ bankName: current?.bankName ?? '', accountNumber: current?.accountNumber ?? '', accountHolder: current?.accountHolder ?? row.name });
  const [errors, setErrors] = useState<FormErrors>({});
  const [isConfirming, setIsConfirming] = useState(false);
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };
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
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = validateWithSchema(tppBankAccountBody, draft, t);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        // Changing where someone is paid is the change that goes wrong most expensively: say it back first.
        if (current && current.accountNumber !== draft.accountNumber.trim()) setIsConfirming(true);
        else submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {row.name} · {row.nip}
        </Text>
        {save.error && Object.keys(serverErrors).length === 0 && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
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
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending && !isConfirming} data-testid="tpp-bank-form-save">
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
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
    </form>
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
