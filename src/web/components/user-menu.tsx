import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useLogout, useSession } from '../auth/session';
import { useT } from '../i18n/i18n-context';
import { RoleBadges } from './role-badges';

function initialsOf(name: string): string {
  const words = name.replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '?';
}

export function UserMenu() {
  const t = useT();
  const me = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu')} data-testid="user-menu">
          <Avatar color="teal" radius="xl" size={36}>
            {initialsOf(me.displayName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" className="break-anywhere">
            {me.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.nip ?? me.username}
          </Text>
          <RoleBadges roles={me.roles} mt={6} />
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/change-password" leftSection={<IconKey size={16} />}>
          {t('nav.changePassword')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
