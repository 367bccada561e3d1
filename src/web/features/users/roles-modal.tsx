import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { updateUserRequest } from '../../../contracts/users';
import { useT } from '../../i18n/i18n-context';
import { validateWithSchema } from '../../lib/form-errors';
import { RoleGrantsEditor } from './role-grants-editor';
import { useUpdateUser, type RoleGrant, type UserSummary } from './users-api';
import { FormModal } from '../../components/form-modal';

export function RolesModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser();
  const [roles, setRoles] = useState<RoleGrant[]>(user.roles);
  const [error, setError] = useState<string | undefined>();
  const save = () => {
    const errors = validateWithSchema(updateUserRequest, { roles }, t);
    const first = Object.values(errors)[0];
    if (first) return setError(first);
    update.mutate(
      { id: user.id, roles },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('user.rolesSaved') });
          onClose();
        },
      },
    );
  };
  return (
    <FormModal title={t('user.rolesTitle')} onClose={onClose}>
      <Stack>
        <Text size="sm">{user.displayName}</Text>
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        <RoleGrantsEditor value={roles} onChange={setRoles} error={error} />
        <Text size="xs" c="dimmed">
          {t('user.rolesDerivedHint')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
