import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { createEmployeeRequest, updateEmployeeRequest, type employeeStatuses, type jenisAsnValues } from '../../../contracts/org';
import { formatFullName } from '../../../domain/org/names';
import { parseNip } from '../../../domain/org/nip';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { useReference } from '../reference/use-reference';
import { UnitSelect } from '../units/unit-select';
import { useSaveEmployee, type CreateEmployeeRequest, type Employee } from './employees-api';
import { FormModal } from '../../components/form-modal';

type JenisAsn = (typeof jenisAsnValues)[number];
type EmployeeStatus = (typeof employeeStatuses)[number];

interface EmployeeFormValues {
  nip: string;
  jenisAsn: JenisAsn;
  name: string;
  gelarDepan: string;
  gelarBelakang: string;
  golongan: string | null;
  status: EmployeeStatus;
  unitId: string | null;
  email: string;
  phone: string;
}

const blankToNull = (value: string) => value.trim() || null;

function toCreateRequest(values: EmployeeFormValues): CreateEmployeeRequest {
  return {
    nip: values.nip.trim(),
    jenisAsn: values.jenisAsn,
    name: values.name.trim(),
    gelarDepan: blankToNull(values.gelarDepan),
    gelarBelakang: blankToNull(values.gelarBelakang),
    golongan: values.golongan,
    status: values.status,
    unitId: values.unitId,
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
  };
}

const toUpdateRequest = ({ nip: _nip, jenisAsn: _jenisAsn, ...rest }: CreateEmployeeRequest) => rest;

/** Creates an employee (NIP checked in the browser with the same rule as the server) or edits one. */
export function EmployeeFormModal({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const reference = useReference();
  const save = useSaveEmployee();
  const isNew = employee === null;
  const form = useForm<EmployeeFormValues>({
    initialValues: {
      nip: employee?.nip ?? '',
      jenisAsn: employee?.jenisAsn ?? 'PNS',
      name: employee?.name ?? '',
      gelarDepan: employee?.gelarDepan ?? '',
      gelarBelakang: employee?.gelarBelakang ?? '',
      golongan: employee?.golongan ?? null,
      status: employee?.status ?? 'aktif',
      unitId: employee?.unitId ?? null,
      email: employee?.email ?? '',
      phone: employee?.phone ?? '',
    },
    validate: (values) => {
      const request = toCreateRequest(values);
      if (!isNew) return validateWithSchema(updateEmployeeRequest, toUpdateRequest(request), t);
      const errors = validateWithSchema(createEmployeeRequest, request, t);
      const nip = parseNip(request.nip, values.jenisAsn);
      if (!nip.isValid) errors.nip ??= nip.errors.join('; ');
      return errors;
    },
  });

  const parsedNip = isNew && form.values.nip.trim().length === 18 ? parseNip(form.values.nip, form.values.jenisAsn) : null;
  const golonganOptions = (reference.data?.golongan ?? [])
    .filter((item) => item.jenisAsn === form.values.jenisAsn)
    .map((item) => ({ value: item.code, label: item.pangkat ? `${item.code} — ${item.pangkat}` : item.code }));
  const preview = formatFullName({ gelarDepan: form.values.gelarDepan, name: form.values.name, gelarBelakang: form.values.gelarBelakang });

  const submit = form.onSubmit((values) => {
    const request = toCreateRequest(values);
    save.mutate(
      { id: employee?.id ?? null, create: request, update: toUpdateRequest(request) },
      {
        onSuccess: ({ id }) => {
          notifications.show({ color: 'teal', message: isNew ? t('employee.created') : t('employee.updated') });
          onClose();
          if (isNew) void navigate(`/employees/${id}`);
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    );
  });

  return (
    <FormModal title={isNew ? t('employee.createTitle') : t('employee.editTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          {isNew && (
            <SegmentedControl
              data={[
                { value: 'PNS', label: 'PNS' },
                { value: 'PPPK', label: 'PPPK' },
              ]}
              value={form.values.jenisAsn}
              onChange={(value) => {
                form.setFieldValue('jenisAsn', value as JenisAsn);
                form.setFieldValue('golongan', null);
              }}
              aria-label={t('employee.jenisAsn')}
            />
          )}
          <TextInput
            label={form.values.jenisAsn === 'PNS' ? t('employee.nip') : t('employee.nipPppk')}
            required
            disabled={!isNew}
            inputMode="numeric"
            maxLength={18}
            description={
              parsedNip?.isValid
                ? t('employee.nipDerived', { birthDate: formatDate(parsedNip.birthDate, locale), gender: t(`employee.gender.${parsedNip.gender}`) })
                : isNew
                  ? t('employee.nipHint')
                  : undefined
            }
            data-testid="employee-nip"
            {...form.getInputProps('nip')}
          />
          <TextInput label={t('employee.name')} description={t('employee.nameHint')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <TextInput label={t('employee.gelarDepan')} placeholder="Dr." {...form.getInputProps('gelarDepan')} />
            <TextInput label={t('employee.gelarBelakang')} placeholder="S.E., M.M." {...form.getInputProps('gelarBelakang')} />
          </SimpleGrid>
          {preview && (
            <Text size="sm" c="dimmed" className="break-anywhere">
              {t('employee.fullNamePreview', { name: preview })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <Select
              label={t('employee.golongan')}
              data={golonganOptions}
              clearable
              searchable
             
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('golongan')}
            />
            <Select
              label={t('employee.status')}
              required
              allowDeselect={false}
              data={reference.data?.employeeStatuses ?? []}
             
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <UnitSelect
            label={t('employee.unit')}
            description={t('employee.unitHint')}
            value={form.values.unitId}
            onChange={(value) => form.setFieldValue('unitId', value)}
            error={form.errors.unitId}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <TextInput label={t('employee.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('employee.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="employee-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
