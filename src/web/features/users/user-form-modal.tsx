import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { createUserRequest } from '../../../contracts/users';
import { AsyncSelect } from '../../components/async-select';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { checkNewPassword } from '../../lib/password-rules';
import { searchEmployees } from '../employees/employees-api';
import { RoleGrantsEditor } from './role-grants-editor';
import { useCreateUser, type CreateUserRequest, type RoleGrant } from './users-api';
import { PasswordField } from '../../components/password-field';
import { FormModal } from '../../components/form-modal';

type AccountKind = 'employee' | 'admin';

interface UserFormValues {
  kind: AccountKind;
  employeeId: string | null;
  username: string;
  displayName: string;
  password: string;
  confirmation: string;
  mustChangePassword: boolean;
  roles: RoleGrant[];
}

function toRequest(values: UserFormValues): CreateUserRequest {
  const isEmployee = values.kind === 'employee';
  return {
    username: isEmployee ? null : values.username.trim(),
    employeeId: isEmployee ? values.employeeId : null,
    ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
    password: values.password,
    mustChangePassword: values.mustChangePassword,
    roles: values.roles,
  };
}

/**
 * Opens a login. Employee accounts log in with their NIP; admin accounts (BKPSDM only) with a
 * username. Only BKPSDM administrators grant roles, as the server enforces.
 */
export function UserFormModal({ canGrantRoles, onClose }: { canGrantRoles: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateUser();
  const form = useForm<UserFormValues>({
    initialValues: { kind: 'employee', employeeId: null, username: '', displayName: '', password: '', confirmation: '', mustChangePassword: true, roles: [] },
    validate: (values) => {
      const errors = validateWithSchema(createUserRequest, toRequest(values), t);
      if (values.kind === 'employee' && !values.employeeId) errors.employeeId = t('user.employeeRequired');
      const weakness = checkNewPassword(values.password, t);
      if (weakness) errors.password = weakness;
      if (values.confirmation !== values.password) errors.confirmation = t('password.mismatch');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(toRequest(values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('user.created') });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <FormModal title={t('user.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          {canGrantRoles && (
            <SegmentedControl
              data={[
                { value: 'employee', label: t('user.kindEmployee') },
                { value: 'admin', label: t('user.kindAdmin') },
              ]}
              value={form.values.kind}
              onChange={(value) => form.setFieldValue('kind', value as AccountKind)}
              aria-label={t('user.kind')}
            />
          )}
          {form.values.kind === 'employee' ? (
            <AsyncSelect
              label={t('user.employee')}
              description={t('user.employeeHint')}
              required
              queryKey="employees"
              search={searchEmployees}
              value={form.values.employeeId}
              onChange={(value) => form.setFieldValue('employeeId', value)}
              error={form.errors.employeeId}
              placeholder={t('employee.searchPlaceholder')}
            />
          ) : (
            <>
              <TextInput label={t('user.username')} required autoComplete="off" autoCapitalize="none" {...form.getInputProps('username')} />
              <TextInput label={t('user.displayName')} {...form.getInputProps('displayName')} />
            </>
          )}
          <PasswordField label={t('user.initialPassword')} description={t('password.rule')} required autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordField label={t('password.confirm')} required autoComplete="new-password" {...form.getInputProps('confirmation')} />
          <Checkbox label={t('user.mustChangePassword')} {...form.getInputProps('mustChangePassword', { type: 'checkbox' })} />
          {canGrantRoles && <RoleGrantsEditor value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} error={form.errors.roles} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="user-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
