import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, TextInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { createPositionRequest } from '../../../contracts/org';
import { AsyncSelect } from '../../components/async-select';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { useReference } from '../reference/use-reference';
import { UnitSelect } from '../units/unit-select';
import { searchPositions, useSavePosition, type CreatePositionRequest, type JenisJabatan, type Position } from './positions-api';
import { FormModal } from '../../components/form-modal';

interface PositionFormValues {
  code: string;
  name: string;
  jenis: JenisJabatan | null;
  kelasJabatan: number | string;
  unitId: string | null;
  superiorPositionId: string | null;
  isUnitHead: boolean;
}

function toRequest(values: PositionFormValues): CreatePositionRequest {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    // Empty selects are passed through so the contract reports them with its own message.
    jenis: values.jenis as JenisJabatan,
    kelasJabatan: values.kelasJabatan === '' ? Number.NaN : Number(values.kelasJabatan),
    unitId: values.unitId as string,
    superiorPositionId: values.superiorPositionId,
    isUnitHead: values.isUnitHead,
  };
}

export function PositionFormModal({ position, onClose }: { position: Position | null; onClose: () => void }) {
  const t = useT();
  const reference = useReference();
  const save = useSavePosition();
  const form = useForm<PositionFormValues>({
    initialValues: {
      code: position?.code ?? '',
      name: position?.name ?? '',
      jenis: position?.jenis ?? null,
      kelasJabatan: position?.kelasJabatan ?? '',
      unitId: position?.unitId ?? null,
      superiorPositionId: position?.superiorPositionId ?? null,
      isUnitHead: position?.isUnitHead ?? false,
    },
    validate: (values) => validateWithSchema(createPositionRequest, toRequest(values), t),
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: position?.id ?? null, request: toRequest(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: position ? t('position.updated') : t('position.created') });
          onClose();
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );

  return (
    <FormModal title={position ? t('position.editTitle') : t('position.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <TextInput label={t('position.code')} required {...form.getInputProps('code')} />
          <TextInput label={t('position.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <Select
              label={t('position.jenis')}
              required
             
              data={reference.data?.jenisJabatan ?? []}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('jenis')}
            />
            <NumberInput
              label={t('position.kelas')}
              description={t('position.kelasHint')}
              required
             
              min={1}
              max={17}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('kelasJabatan')}
            />
          </SimpleGrid>
          <UnitSelect
            label={t('position.unit')}
            required
            value={form.values.unitId}
            onChange={(value) => form.setFieldValue('unitId', value)}
            error={form.errors.unitId}
          />
          <AsyncSelect
            label={t('position.superior')}
            description={t('position.superiorHint')}
            queryKey="positions"
            search={async (text, signal) => (await searchPositions(text, signal)).filter((option) => option.value !== position?.id)}
            selectedOption={
              position?.superiorPositionId ? { value: position.superiorPositionId, label: position.superiorPositionName ?? position.superiorPositionId } : null
            }
            value={form.values.superiorPositionId}
            onChange={(value) => form.setFieldValue('superiorPositionId', value)}
            error={form.errors.superiorPositionId}
          />
          <Checkbox label={t('position.isUnitHead')} description={t('position.isUnitHeadHint')} {...form.getInputProps('isUnitHead', { type: 'checkbox' })} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="position-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
