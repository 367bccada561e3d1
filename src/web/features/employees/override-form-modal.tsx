import { Alert, Button, Group, Stack, Text, Textarea, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { createSuperiorOverrideRequest } from '../../../contracts/org';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { searchEmployees, useCreateOverride, type CreateSuperiorOverrideRequest } from './employees-api';
import { FormModal } from '../../components/form-modal';

interface OverrideFormValues {
  superiorEmployeeId: string | null;
  startDate: string | null;
  endDate: string | null;
  reason: string;
}

function toRequest(employeeId: string, values: OverrideFormValues): CreateSuperiorOverrideRequest {
  return {
    employeeId,
    superiorEmployeeId: values.superiorEmployeeId as string,
    startDate: values.startDate as string,
    endDate: values.endDate,
    reason: values.reason.trim(),
  };
}

/** Names a superior explicitly for a period, overriding the one derived from the position tree. */
export function OverrideFormModal({ employeeId, employeeName, onClose }: { employeeId: string; employeeName: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateOverride();
  const form = useForm<OverrideFormValues>({
    initialValues: { superiorEmployeeId: null, startDate: todayInBrowser(), endDate: null, reason: '' },
    validate: (values) => {
      const errors = validateWithSchema(createSuperiorOverrideRequest, toRequest(employeeId, values), t);
      if (values.superiorEmployeeId === employeeId) errors.superiorEmployeeId ??= t('override.notSelf');
      if (values.startDate && values.endDate && values.endDate < values.startDate) errors.endDate ??= t('validation.endBeforeStart');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(toRequest(employeeId, values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('override.created') });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <FormModal title={t('override.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('override.createText', { name: employeeName })}
          </Text>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <AsyncSelect
            label={t('override.superior')}
            required
            queryKey="employees"
            search={async (text, signal) => (await searchEmployees(text, signal)).filter((option) => option.value !== employeeId)}
            value={form.values.superiorEmployeeId}
            onChange={(value) => form.setFieldValue('superiorEmployeeId', value)}
            error={form.errors.superiorEmployeeId}
            placeholder={t('employee.searchPlaceholder')}
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
          <Textarea label={t('override.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="override-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
