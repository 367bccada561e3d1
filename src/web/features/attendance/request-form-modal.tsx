import { Alert, Button, FileInput, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { PART_DAY_KINDS, REQUEST_KINDS, submitRequestBody, type RequestKind } from '../../../contracts/attendance-requests';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useSubmitRequest } from './attendance-api';

const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const isPartDay = (kind: RequestKind) => (PART_DAY_KINDS as readonly RequestKind[]).includes(kind);

/** An employee's leave, permission, duty or correction request; part-day kinds cover one date with times. */
export function RequestFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const submit = useSubmitRequest();
  const today = todayInBrowser();
  const [kind, setKind] = useState<RequestKind>('izin');
  const [startDate, setStartDate] = useState<string | null>(today);
  const [endDate, setEndDate] = useState<string | null>(today);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const partDay = isPartDay(kind);
  const shown = { ...serverFieldErrors(submit.error), ...errors };

  const handleSubmit = () => {
    const body = {
      kind,
      startDate: startDate ?? '',
      endDate: partDay ? (startDate ?? '') : (endDate ?? ''),
      startTime: partDay && startTime ? startTime : null,
      endTime: partDay && endTime ? endTime : null,
      reason,
      attachmentId: null,
    };
    const found = validateWithSchema(submitRequestBody, body, t);
    if (!partDay && body.startDate && body.endDate && body.endDate < body.startDate) found.endDate = t('validation.endBeforeStart');
    if (partDay && !body.startTime && !body.endTime) found.startTime = t('request.timeRequired');
    if (kind === 'dinas_luar_sebagian' && (!body.startTime || !body.endTime)) found[body.startTime ? 'endTime' : 'startTime'] = t('validation.required');
    if (file && !ACCEPTED_TYPES.includes(file.type)) found.file = t('request.attachmentType');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    submit.mutate(
      { ...submitRequestBody.parse(body), file },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('request.submitted') });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={t('request.create')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          handleSubmit();
        }}
        noValidate
      >
        <Stack>
          {submit.error && Object.keys(serverFieldErrors(submit.error)).length === 0 && (
            <Alert color="red" role="alert">
              {submit.error.message}
            </Alert>
          )}
          <Select
            label={t('request.kind')}
            data={REQUEST_KINDS.map((value) => ({ value, label: t(`request.kind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as RequestKind)}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
            data-testid="request-kind"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={partDay ? t('request.date') : t('request.startDate')} required value={startDate} onChange={setStartDate} error={shown.startDate} data-testid="request-start-date" />
            {!partDay && <DateField label={t('request.endDate')} required value={endDate} minDate={startDate ?? undefined} onChange={setEndDate} error={shown.endDate} data-testid="request-end-date" />}
          </SimpleGrid>
          {partDay && (
            <>
              <Text size="xs" c="dimmed">
                {kind === 'koreksi_presensi' ? t('request.correctionHint') : t('request.timesHint')}
              </Text>
              <SimpleGrid cols={2} spacing="sm">
                <TimeInput label={t('request.startTime')} value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} error={shown.startTime} data-testid="request-start-time" />
                <TimeInput label={t('request.endTime')} value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} error={shown.endTime} data-testid="request-end-time" />
              </SimpleGrid>
            </>
          )}
          <Textarea label={t('request.reason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={shown.reason} data-testid="request-reason" />
          <FileInput
            label={t('request.attachment')}
            placeholder={t('request.attachmentPlaceholder')}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            leftSection={<IconPaperclip size={16} />}
            clearable
            value={file}
            onChange={setFile}
            error={shown.file}
            data-testid="request-attachment"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={submit.isPending} data-testid="request-save">
              {t('request.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
