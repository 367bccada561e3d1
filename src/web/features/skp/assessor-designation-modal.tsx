import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ASSESSOR_DESIGNATION_KINDS, type AssessorDesignationKind } from '../../../domain/skp/vocabulary';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { todayInBrowser } from '../../lib/dates';
import { searchEmployees } from '../employees/employees-api';
import { searchPositions } from '../positions/positions-api';
import { useCreateDesignation, useEndDesignation } from './skp-api';
import { useSkpT } from './use-skp-t';

/**
 * BKPSDM names the pejabat penilai for holders of a position without a superior of record: an
 * employee (the Sekda for a head of OPD) or the kepala daerah by name and title (for the Sekda).
 * Opened from "without assessor" with the position given, or blank.
 */
export function AssessorDesignationModal({ position, onClose }: { position: { id: string; label: string } | null; onClose: () => void }) {
  const t = useSkpT();
  const create = useCreateDesignation();
  const [positionId, setPositionId] = useState<string | null>(position?.id ?? null);
  const [kind, setKind] = useState<AssessorDesignationKind>('kepala_daerah');
  const [assessorEmployeeId, setAssessorEmployeeId] = useState<string | null>(null);
  const [officialName, setOfficialName] = useState('');
  const [officialTitle, setOfficialTitle] = useState('');
  const [startDate, setStartDate] = useState<string | null>(todayInBrowser());
  const [reason, setReason] = useState('');

  const submit = () =>
    create.mutate(
      {
        positionId: positionId ?? '',
        kind,
        assessorEmployeeId: kind === 'employee' ? assessorEmployeeId : null,
        officialName: kind === 'kepala_daerah' ? officialName.trim() || null : null,
        officialTitle: kind === 'kepala_daerah' ? officialTitle.trim() || null : null,
        startDate: startDate ?? '',
        endDate: null,
        reason,
      },
      { onSuccess: onClose },
    );

  return (
    <FormModal title={t('skp.assessors.designate')} onClose={onClose}>
      <Stack gap="sm" data-testid="designation-form">
        <Text size="sm" c="dimmed">
          {t('skp.assessors.designateHint')}
        </Text>
        {create.error && (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        )}
        {position ? (
          <TextInput label={t('skp.assessors.position')} value={position.label} readOnly />
        ) : (
          <AsyncSelect label={t('skp.assessors.position')} required queryKey="positions" search={searchPositions} value={positionId} onChange={(value) => setPositionId(value)} data-testid="designation-position" />
        )}
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(value) => setKind(ASSESSOR_DESIGNATION_KINDS.find((candidate) => candidate === value) ?? 'kepala_daerah')}
          data={ASSESSOR_DESIGNATION_KINDS.map((value) => ({ value, label: t(`skp.assessors.kind.${value}`) }))}
          data-testid="designation-kind"
        />
        {kind === 'employee' ? (
          <AsyncSelect label={t('skp.assessors.employee')} required queryKey="employees" search={searchEmployees} value={assessorEmployeeId} onChange={(value) => setAssessorEmployeeId(value)} data-testid="designation-employee" />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('skp.assessors.officialName')} required value={officialName} onChange={(event) => setOfficialName(event.currentTarget.value)} data-testid="designation-official-name" />
            <TextInput label={t('skp.assessors.officialTitle')} description={t('skp.assessors.officialTitleHint')} required value={officialTitle} onChange={(event) => setOfficialTitle(event.currentTarget.value)} data-testid="designation-official-title" />
          </SimpleGrid>
        )}
        <DateField label={t('skp.assessors.startDate')} required value={startDate} onChange={setStartDate} />
        <Textarea label={t('skp.assessors.reason')} description={t('skp.assessors.reasonHint')} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} data-testid="designation-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('skp.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="designation-save">
            {t('skp.save')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}

/** Ends a designation on a day (inclusive); a new kepala daerah or another assessor is a new designation. */
export function EndDesignationModal({ designationId, onClose }: { designationId: string; onClose: () => void }) {
  const t = useSkpT();
  const end = useEndDesignation();
  const [endDate, setEndDate] = useState<string | null>(todayInBrowser());
  return (
    <FormModal title={t('skp.assessors.end')} onClose={onClose}>
      <Stack gap="sm">
        {end.error && (
          <Alert color="red" role="alert">
            {end.error.message}
          </Alert>
        )}
        <DateField label={t('skp.assessors.endDate')} required value={endDate} onChange={setEndDate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('skp.cancel')}
          </Button>
          <Button color="orange" onClick={() => endDate && end.mutate({ id: designationId, endDate }, { onSuccess: onClose })} loading={end.isPending} data-testid="designation-end-save">
            {t('skp.assessors.end')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
