import { ActionIcon, Badge, Button, Card, Group, Loader, Menu, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPlayerPlay, IconPlayerStop, IconPlus, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { canGrantRoles } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { roleLabelKey } from '../../components/role-badges';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { useUnitTree } from '../units/units-api';
import { ResetPasswordModal } from './reset-password-modal';
import { RolesModal } from './roles-modal';
import { UserFormModal } from './user-form-modal';
import { useUpdateUser, useUserList, type UserSummary } from './users-api';

const PAGE_SIZE = 25;

function AccountStatus({ user }: { user: UserSummary }) {
  const t = useT();
  const [locale] = useLocale();
  const isLocked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return (
    <Group gap={4}>
      <Badge size="sm" variant="light" color={user.isActive ? 'teal' : 'gray'}>
        {user.isActive ? t('status.active') : t('status.inactive')}
      </Badge>
      {isLocked && (
        <Badge size="sm" variant="light" color="red" title={formatDateTime(user.lockedUntil, locale)}>
          {t('user.locked')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge size="sm" variant="light" color="yellow">
          {t('user.mustChangeBadge')}
        </Badge>
      )}
    </Group>
  );
}

export function UsersPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const isRoleAdmin = canGrantRoles(me.roles);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [editingRoles, setEditingRoles] = useState<UserSummary | null>(null);
  const [toggling, setToggling] = useState<UserSummary | null>(null);
  const list = useUserList(debouncedQ, page, PAGE_SIZE);
  const update = useUpdateUser();
  const tree = useUnitTree();
  const unitNames = useMemo(() => new Map((tree.data?.items ?? []).map((unit) => [unit.id, unit.name])), [tree.data]);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={isRoleAdmin ? t('user.descriptionBkpsdm') : t('user.descriptionOpd')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)} data-testid="user-create">
            {t('user.create')}
          </Button>
        }
      />
      <Stack gap="sm">
        <TextInput
          label={t('user.search')}
          leftSection={<IconSearch size={16} />}
          rightSection={list.isFetching ? <Loader size="xs" /> : null}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setPage(1);
          }}
          type="search"
          data-testid="user-search"
        />
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="user-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('user.displayName')}</Table.Th>
                  <Table.Th>{t('user.login')}</Table.Th>
                  <Table.Th>{t('user.roles')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  <Table.Th>{t('user.lastLogin')}</Table.Th>
                  <Table.Th w={56}>
                    <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.length === 0 && <EmptyRows colSpan={6} />}
                {list.data?.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.displayName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {user.username ?? user.nip ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.length === 0 && (
                          <Text size="xs" c="dimmed">
                            {user.employeeId ? t('role.pegawai') : '—'}
                          </Text>
                        )}
                        {user.roles.map((grant) => (
                          <Badge key={`${grant.role}-${grant.unitId ?? ''}`} size="sm" variant="light" color="grape">
                            {t(roleLabelKey[grant.role])}
                            {grant.unitId ? `: ${unitNames.get(grant.unitId) ?? '…'}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <AccountStatus user={user} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('user.neverLoggedIn')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: user.displayName })}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(user)}>
                            {t('user.resetPassword')}
                          </Menu.Item>
                          {isRoleAdmin && (
                            <Menu.Item leftSection={<IconShieldLock size={16} />} onClick={() => setEditingRoles(user)}>
                              {t('user.editRoles')}
                            </Menu.Item>
                          )}
                          {user.id !== me.userId && (
                            <Menu.Item
                              color={user.isActive ? 'red' : 'teal'}
                              leftSection={user.isActive ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
                              onClick={() => setToggling(user)}
                            >
                              {user.isActive ? t('action.deactivate') : t('action.activate')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        {list.data && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Stack>
      {isCreating && <UserFormModal canGrantRoles={isRoleAdmin} onClose={() => setIsCreating(false)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {editingRoles && <RolesModal user={editingRoles} onClose={() => setEditingRoles(null)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('user.deactivateTitle') : t('user.activateTitle')}
        message={t(toggling?.isActive ? 'user.deactivateText' : 'user.activateText', { name: toggling?.displayName ?? '' })}
        confirmLabel={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isLoading={update.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          update.mutate(
            { id: toggling.id, isActive: !toggling.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: toggling.isActive ? t('user.deactivated') : t('user.activated') });
                setToggling(null);
              },
              onError: (error) => notifications.show({ color: 'red', message: error.message }),
            },
          );
        }}
      />
    </>
  );
}
