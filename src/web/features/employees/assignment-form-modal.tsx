import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { createAssignmentRequest, type assignmentKinds } from '../../../contracts/org';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { searchPositions } from '../positions/positions-api';
import { useCreateAssignment, type CreateAssignmentRequest } from './employees-api';
import { FormModal } from '../../components/form-modal';

type AssignmentKind = (typeof assignmentKinds)[number];

interface AssignmentFormValues {
  positionId: string | null;
  kind: AssignmentKind;
  startDate: string | null;
  endDate: string | null;
  decreeNumber: string;
  note: string;
}

function toRequest(employeeId: string, values: AssignmentFormValues): CreateAssignmentRequest {
  return {
    employeeId,
    positionId: values.positionId as string,
    kind: values.kind,
    startDate: values.startDate as string,
    endDate: values.endDate,
    decreeNumber: values.decreeNumber.trim() || null,
    note: values.note.trim() || null,
  };
}

/** Puts an employee on a position: definitif, or acting as Plt/Plh (usually with an end date). */
export function AssignmentFormModal({ employeeId, employeeName, onClose }: { employeeId: string; employeeName: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateAssignment();
  const form = useForm<AssignmentFormValues>({
    initialValues: { positionId: null, kind: 'definitif', startDate: todayInBrowser(), endDate: null, decreeNumber: '', note: '' },
    validate: (values) => {
      const errors = validateWithSchema(createAssignmentRequest, toRequest(employeeId, values), t);
      if (values.startDate && values.endDate && values.endDate < values.startDate) errors.endDate ??= t('validation.endBeforeStart');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(toRequest(employeeId, values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('assignment.created') });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <FormModal title={t('assignment.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {employeeName}
          </Text>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <SegmentedControl
            data={(['definitif', 'plt', 'plh'] as const).map((kind) => ({ value: kind, label: t(`assignment.kind.${kind}`) }))}
            value={form.values.kind}
            onChange={(value) => form.setFieldValue('kind', value as AssignmentKind)}
            aria-label={t('assignment.kindLabel')}
          />
          <Text size="xs" c="dimmed">
            {t(`assignment.kindHint.${form.values.kind}`)}
          </Text>
          <AsyncSelect
            label={t('assignment.position')}
            required
            queryKey="positions"
            search={searchPositions}
            value={form.values.positionId}
            onChange={(value) => form.setFieldValue('positionId', value)}
            error={form.errors.positionId}
            data-testid="assignment-position"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <DateField
              label={t('assignment.startDate')}
              required
              value={form.values.startDate}
              onChange={(value) => form.setFieldValue('startDate', value)}
              error={form.errors.startDate}
            />
            <DateField
              label={t('assignment.endDate')}
              description={t('assignment.endDateHint')}
              clearable
              value={form.values.endDate}
              onChange={(value) => form.setFieldValue('endDate', value)}
              error={form.errors.endDate}
            />
          </SimpleGrid>
          <TextInput label={t('assignment.decreeNumber')} {...form.getInputProps('decreeNumber')} />
          <Textarea label={t('assignment.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="assignment-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
