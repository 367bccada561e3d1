import { Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconHistory, IconPencil, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { canOpenEmployeeDetail, canReadAudit, canReadMasterData, canWriteMasterData } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { InfoList } from '../../components/info-list';
import { NotFoundState } from '../../components/not-found-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { labelOf, useReference } from '../reference/use-reference';
import { AssignmentHistory } from './assignment-history';
import { AssignmentKindBadge } from './assignment-kind-badge';
import { EmployeeFormModal } from './employee-form-modal';
import { EmployeeStatusBadge } from './employee-status-badge';
import { useEmployeeDetail, useSetEmployeeActive, type EmployeeDetail } from './employees-api';
import { OverrideList } from './override-list';
import { SubordinatesCard } from './subordinates-card';
import { SuperiorSummary } from './superior-summary';

function IdentityCard({ employee }: { employee: EmployeeDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const reference = useReference();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">
        {t('employee.identity')}
      </Title>
      <InfoList
        items={[
          { label: employee.jenisAsn === 'PNS' ? t('employee.nip') : t('employee.nipPppk'), value: employee.nip },
          { label: t('employee.jenisAsn'), value: employee.jenisAsn },
          { label: t('employee.name'), value: employee.name },
          { label: t('employee.titles'), value: [employee.gelarDepan, employee.gelarBelakang].filter(Boolean).join(' · ') },
          { label: t('employee.birthDate'), value: formatDate(employee.birthDate, locale) },
          { label: t('employee.genderLabel'), value: t(`employee.gender.${employee.gender}`) },
          { label: t('employee.golongan'), value: employee.golongan ? `${employee.golongan}${employee.pangkat ? ` · ${employee.pangkat}` : ''}` : null },
          { label: t('employee.status'), value: labelOf(reference.data?.employeeStatuses, employee.status) },
          { label: t('employee.unit'), value: employee.unitName },
          { label: t('employee.email'), value: employee.email },
          { label: t('employee.phone'), value: employee.phone },
          { label: t('employee.account'), value: employee.hasAccount ? t('employee.hasAccount') : t('employee.noAccount') },
        ]}
      />
    </Card>
  );
}

function CurrentPositionsCard({ employee }: { employee: EmployeeDetail }) {
  const t = useT();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="sm">
        {t('employee.positions')}
      </Title>
      {employee.positions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('employee.noPosition')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="current-positions">
          {employee.positions.map((position) => (
            <div key={position.assignmentId}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <AssignmentKindBadge kind={position.kind} />
                <Text size="sm" fw={500} className="break-anywhere">
                  {position.positionName}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {position.unitName} · {t('position.kelasValue', { kelas: position.kelasJabatan })}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function EmployeeDetailPage() {
  const t = useT();
  const me = useSession();
  const { employeeId = '' } = useParams();
  const detail = useEmployeeDetail(employeeId);
  const setActive = useSetEmployeeActive();
  const [isEditing, setIsEditing] = useState(false);
  const [isToggling, setIsToggling] = useState(false);
  const canWrite = canWriteMasterData(me.roles);

  if (detail.isPending) return <Loader />;
  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.code === 'NOT_FOUND' || detail.error.code === 'VALIDATION_FAILED')) return <NotFoundState text={t('employee.notFound')} />;
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const employee = detail.data;

  return (
    <>
      {canReadMasterData(me.roles) && (
        <Button component={Link} to="/employees" variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} mb="xs" px={0}>
          {t('employee.backToList')}
        </Button>
      )}
      <PageHeader
        title={employee.fullName}
        description={
          <Group gap="xs">
            <Text size="sm" ff="monospace">
              {employee.nip}
            </Text>
            <Badge size="sm" variant="outline">
              {employee.jenisAsn}
            </Badge>
            <EmployeeStatusBadge status={employee.status} isActive={employee.isActive} />
            {!employee.isActive && (
              <Badge size="sm" color="red" variant="light">
                {t('status.inactive')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {canReadAudit(me.roles) && (
              <Button
                component={Link}
                to={`/audit?entityType=employee&entityId=${employee.id}`}
                variant="subtle"
                leftSection={<IconHistory size={16} />}
                data-testid="employee-audit-link"
              >
                {t('nav.audit')}
              </Button>
            )}
            {canWrite && (
              <>
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setIsEditing(true)} data-testid="employee-edit">
                  {t('action.edit')}
                </Button>
                <Button
                  variant="light"
                  color={employee.isActive ? 'red' : 'teal'}
                  leftSection={employee.isActive ? <IconPlayerStop size={16} /> : <IconPlayerPlay size={16} />}
                  onClick={() => setIsToggling(true)}
                >
                  {employee.isActive ? t('action.deactivate') : t('action.activate')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <IdentityCard employee={employee} />
            <AssignmentHistory employee={employee} canWrite={canWrite} />
            <OverrideList employee={employee} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <CurrentPositionsCard employee={employee} />
            <Card withBorder padding="md">
              <Title order={3} size="h5" mb="sm">
                {t('employee.superior')}
              </Title>
              <SuperiorSummary result={employee.superior} canOpenDetail={canOpenEmployeeDetail(me.roles)} />
            </Card>
            <SubordinatesCard employeeId={employee.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      {isEditing && <EmployeeFormModal employee={employee} onClose={() => setIsEditing(false)} />}
      <ConfirmDialog
        opened={isToggling}
        title={employee.isActive ? t('employee.deactivateTitle') : t('employee.activateTitle')}
        message={t(employee.isActive ? 'employee.deactivateText' : 'employee.activateText', { name: employee.fullName })}
        confirmLabel={employee.isActive ? t('action.deactivate') : t('action.activate')}
        color={employee.isActive ? 'red' : 'teal'}
        isLoading={setActive.isPending}
        onClose={() => setIsToggling(false)}
        onConfirm={() =>
          setActive.mutate(
            { id: employee.id, isActive: !employee.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: employee.isActive ? t('employee.deactivated') : t('employee.activated') });
                setIsToggling(false);
              },
            },
          )
        }
      />
    </>
  );
}
