import { Alert, Button, FileInput, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { PART_DAY_KINDS, recordRequestBody, REQUEST_KINDS, type RequestKind } from '../../../contracts/attendance-requests';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchEmployeeOptions, useRecordRequest } from './attendance-admin-api';

const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const isPartDay = (kind: RequestKind) => (PART_DAY_KINDS as readonly RequestKind[]).includes(kind);

/** An OPD admin records a leave or duty request on an employee's behalf; it is approved at once and audited. */
export function RecordRequestModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const record = useRecordRequest();
  const today = todayInBrowser();
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [kind, setKind] = useState<RequestKind>('dinas_luar');
  const [startDate, setStartDate] = useState<string | null>(today);
  const [endDate, setEndDate] = useState<string | null>(today);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const partDay = isPartDay(kind);
  const serverErrors = serverFieldErrors(record.error);
  const shown = { ...serverErrors, ...errors };

  const handleSubmit = () => {
    const body = {
      employeeId: employeeId ?? '',
      kind,
      startDate: startDate ?? '',
      endDate: partDay ? (startDate ?? '') : (endDate ?? ''),
      startTime: partDay && startTime ? startTime : null,
      endTime: partDay && endTime ? endTime : null,
      reason,
      attachmentId: null,
    };
    const found = validateWithSchema(recordRequestBody, body, t);
    if (!employeeId) found.employeeId = t('validation.required');
    if (!partDay && body.startDate && body.endDate && body.endDate < body.startDate) found.endDate = t('validation.endBeforeStart');
    if (partDay && !body.startTime && !body.endTime) found.startTime = t('request.timeRequired');
    if (kind === 'dinas_luar_sebagian' && (!body.startTime || !body.endTime)) found[body.startTime ? 'endTime' : 'startTime'] = t('validation.required');
    if (file && !ACCEPTED_TYPES.includes(file.type)) found.file = t('request.attachmentType');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    record.mutate(
      { ...recordRequestBody.parse(body), file },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('attendanceAdmin.record.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={t('attendanceAdmin.record.title')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          handleSubmit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('attendanceAdmin.record.text')}
          </Text>
          {record.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {record.error.message}
            </Alert>
          )}
          <AsyncSelect
            label={t('attendanceAdmin.mapping.employee')}
            placeholder={t('attendanceAdmin.employeeSearch')}
            required
            queryKey="attendance-admin-employees"
            search={searchEmployeeOptions}
            value={employeeId}
            onChange={(value) => setEmployeeId(value)}
            error={shown.employeeId}
            data-testid="record-employee"
          />
          <Select
            label={t('request.kind')}
            data={REQUEST_KINDS.map((value) => ({ value, label: t(`request.kind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as RequestKind)}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
            data-testid="record-kind"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={partDay ? t('request.date') : t('request.startDate')} required value={startDate} onChange={setStartDate} error={shown.startDate} data-testid="record-start-date" />
            {!partDay && <DateField label={t('request.endDate')} required value={endDate} minDate={startDate ?? undefined} onChange={setEndDate} error={shown.endDate} data-testid="record-end-date" />}
          </SimpleGrid>
          {partDay && (
            <>
              <Text size="xs" c="dimmed">
                {kind === 'koreksi_presensi' ? t('request.correctionHint') : t('attendanceAdmin.record.timesHint')}
              </Text>
              <SimpleGrid cols={2} spacing="sm">
                <TimeInput label={t('request.startTime')} value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} error={shown.startTime} />
                <TimeInput label={t('request.endTime')} value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} error={shown.endTime} />
              </SimpleGrid>
            </>
          )}
          <Textarea label={t('request.reason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={shown.reason} data-testid="record-reason" />
          <FileInput
            label={t('request.attachment')}
            placeholder={t('request.attachmentPlaceholder')}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            leftSection={<IconPaperclip size={16} />}
            clearable
            value={file}
            onChange={setFile}
            error={shown.file}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="record-save">
              {t('attendanceAdmin.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
