import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBuildingCommunity,
  IconCalendarStats,
  IconCalendarTime,
  IconCalendarCheck,
  IconCalendarEvent,
  IconChecklist,
  IconDeviceDesktopAnalytics,
  IconFingerprint,
  IconLayoutDashboard,
  IconFileImport,
  IconHierarchy2,
  IconHome,
  IconKey,
  IconListDetails,
  IconShieldCheck,
  IconUserCog,
  IconUserEdit,
  IconUserSearch,
  IconClockHour4,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { useT } from '../i18n/i18n-context';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';
import { buildNavigation, findActiveNavKey, type NavKey } from './navigation';

const navIcons: Record<NavKey, Icon> = {
  home: IconHome,
  attendance: IconCalendarCheck,
  approvals: IconChecklist,
  attendanceBoard: IconLayoutDashboard,
  attendanceRecap: IconDeviceDesktopAnalytics,
  devices: IconFingerprint,
  heldPunches: IconAlertTriangle,
  schedules: IconClockHour4,
  scheduleAssignments: IconCalendarTime,
  rosters: IconCalendarStats,
  unitRequests: IconUserEdit,
  subordinatesAttendance: IconUserSearch,
  holidays: IconCalendarEvent,
  subordinates: IconUsersGroup,
  units: IconBuildingCommunity,
  positions: IconHierarchy2,
  employees: IconUsers,
  import: IconFileImport,
  users: IconUserCog,
  audit: IconShieldCheck,
  changePassword: IconKey,
};

export function AppLayout() {
  const t = useT();
  const me = useSession();
  const location = useLocation();
  const [isNavOpen, nav] = useDisclosure(false);
  // Until the password is changed the server refuses everything else, so nothing else is offered.
  const items = useMemo(
    () => buildNavigation(me.roles).filter((item) => !me.mustChangePassword || item.key === 'changePassword'),
    [me.roles, me.mustChangePassword],
  );
  const activeKey = findActiveNavKey(items, location.pathname);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding={{ base: 'sm', sm: 'md' }}>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} data-testid="nav-burger" />
            <IconListDetails size={22} aria-hidden />
            <Title order={1} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.label')}>
            {items.map((item) => {
              const NavIcon = navIcons[item.key];
              return (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.path}
                  label={t(item.label)}
                  leftSection={<NavIcon size={18} aria-hidden />}
                  active={item.key === activeKey}
                  aria-current={item.key === activeKey ? 'page' : undefined}
                  onClick={nav.close}
                  data-testid={`nav-${item.key}`}
                />
              );
            })}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {t('app.tagline')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
