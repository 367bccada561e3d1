import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { buildNavigation } from '../../app/navigation';
import { canOpenEmployeeDetail, hasSubordinates } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { InfoList } from '../../components/info-list';
import { PageHeader } from '../../components/page-header';
import { RoleBadges } from '../../components/role-badges';
import { useT } from '../../i18n/i18n-context';
import { ActivityPendingCard } from '../activity-approvals/activity-pending-card';
import { AssignmentKindBadge } from '../employees/assignment-kind-badge';
import { useEmployeeDetail } from '../employees/employees-api';
import { SuperiorSummary } from '../employees/superior-summary';
import { MyProductivityCard } from '../productivity/my-productivity-card';
import { MyTppCard, RegionTppCard } from '../tpp/tpp-home-cards';
import { canReadTppResults, hasOwnTpp } from '../tpp/tpp-permissions';

function ProfileCard({ employeeId }: { employeeId: string }) {
  const t = useT();
  const me = useSession();
  const detail = useEmployeeDetail(employeeId);
  if (detail.isPending) return <Loader size="sm" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const employee = detail.data;
  return (
    <Card withBorder padding="md" data-testid="profile-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" className="break-anywhere">
              {employee.fullName}
            </Title>
            <Text size="sm" c="dimmed">
              {t('employee.nipLabel', { nip: employee.nip })}
            </Text>
          </div>
          <Anchor component={Link} to={`/employees/${employee.id}`} size="sm">
            {t('home.openProfile')}
          </Anchor>
        </Group>
        <InfoList
          items={[
            {
              label: t('employee.positions'),
              value: employee.positions.length ? (
                <Stack gap={4}>
                  {employee.positions.map((position) => (
                    <Group key={position.assignmentId} gap={6} wrap="nowrap" align="flex-start">
                      <AssignmentKindBadge kind={position.kind} />
                      <span>{position.positionName}</span>
                    </Group>
                  ))}
                </Stack>
              ) : (
                t('employee.noPosition')
              ),
            },
            { label: t('employee.unit'), value: employee.unitName },
            { label: t('employee.golongan'), value: employee.golongan ? `${employee.golongan}${employee.pangkat ? ` · ${employee.pangkat}` : ''}` : null },
            { label: t('employee.jenisAsn'), value: employee.jenisAsn },
          ]}
        />
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('employee.superior')}
          </Text>
          <SuperiorSummary result={employee.superior} canOpenDetail={canOpenEmployeeDetail(me.roles)} />
        </div>
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const me = useSession();
  const shortcuts = buildNavigation(me.roles, me).filter((item) => item.key !== 'home');
  return (
    <Stack gap="lg">
      <PageHeader title={t('home.welcome', { name: me.displayName })} description={<RoleBadges roles={me.roles} />} />
      {(me.employeeId || hasSubordinates(me.roles) || canReadTppResults(me.roles)) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {me.employeeId && <MyProductivityCard />}
          {me.employeeId && hasOwnTpp(me.roles) && <MyTppCard />}
          {hasSubordinates(me.roles) && <ActivityPendingCard />}
          {canReadTppResults(me.roles) && <RegionTppCard />}
        </SimpleGrid>
      )}
      {me.employeeId ? (
        <ProfileCard employeeId={me.employeeId} />
      ) : (
        <Text c="dimmed" size="sm">
          {t('home.noEmployeeRecord')}
        </Text>
      )}
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {shortcuts.map((item) => (
            <Card key={item.key} withBorder padding="sm" component={Link} to={item.path}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={500}>{t(item.label)}</Text>
                <IconChevronRight size={18} aria-hidden />
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
