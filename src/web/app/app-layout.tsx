import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBinaryTree2,
  IconCash,
  IconCalculator,
  IconReportMoney,
  IconFileDollar,
  IconFlag,
  IconSpeakerphone,
  IconWallet,
  IconTarget,
  IconChecks,
  IconTable,
  IconBook2,
  IconCalendarOff,
  IconChartBar,
  IconClipboardCheck,
  IconClipboardList,
  IconLock,
  IconSettings,
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
import { Fragment, Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { useT } from '../i18n/i18n-context';
import { LanguageSwitch } from '../components/language-switch';
import { UserMenu } from '../components/user-menu';
import { buildNavigation, findActiveNavKey, type NavKey } from './navigation';

const navIcons: Record<NavKey, Icon> = {
  home: IconHome,
  activities: IconClipboardList,
  mySkp: IconTarget,
  skpReview: IconChecks,
  skpCascade: IconBinaryTree2,
  skpOverview: IconTable,
  myTpp: IconCash,
  tppRuns: IconCalculator,
  tppRecords: IconFileDollar,
  tppPayData: IconWallet,
  tppRuleSets: IconReportMoney,
  activityApprovals: IconClipboardCheck,
  productivity: IconChartBar,
  activityCatalogue: IconBook2,
  activityRuleSets: IconSettings,
  deadlineExtensions: IconCalendarOff,
  periodClosures: IconLock,
  attendance: IconCalendarCheck,
  approvals: IconChecklist,
  attendanceBoard: IconLayoutDashboard,
  attendanceRecap: IconDeviceDesktopAnalytics,
  devices: IconFingerprint,
  heldPunches: IconAlertTriangle,
  schedules: IconClockHour4,
  scheduleAssignments: IconCalendarTime,
  rosters: IconCalendarStats,
  apelSchedules: IconSpeakerphone,
  apelAttendance: IconFlag,
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
    () => buildNavigation(me.roles, me).filter((item) => !me.mustChangePassword || item.key === 'changePassword'),
    [me],
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
            {items.map((item, index) => {
              const NavIcon = navIcons[item.key];
              const isFirstOfGroup = item.group !== 'main' && items[index - 1]?.group !== item.group;
              return (
                <Fragment key={item.key}>
                  {isFirstOfGroup && (
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                      {t(`nav.group.${item.group}`)}
                    </Text>
                  )}
                  <NavLink
                    component={Link}
                    to={item.path}
                    label={t(item.label)}
                    leftSection={<NavIcon size={18} aria-hidden />}
                    active={item.key === activeKey}
                    aria-current={item.key === activeKey ? 'page' : undefined}
                    onClick={nav.close}
                    data-testid={`nav-${item.key}`}
                  />
                </Fragment>
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
