import { Alert, Button, Group, Select, Stack, TextInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { createUnitRequest, timeZones, type Unit } from '../../../contracts/org';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema } from '../../lib/form-errors';
import { useReference } from '../reference/use-reference';
import { UnitSelect } from './unit-select';
import { collectSubtreeIds } from './unit-tree-data';
import { useSaveUnit, useUnitTree, type CreateUnitRequest, type UnitKind } from './units-api';
import { FormModal } from '../../components/form-modal';

type TimeZone = (typeof timeZones)[number];

interface UnitFormValues {
  code: string;
  siasnCode: string;
  name: string;
  kind: UnitKind | null;
  parentId: string | null;
  timeZone: TimeZone;
}

function toRequest(values: UnitFormValues): CreateUnitRequest {
  return {
    code: values.code.trim(),
    siasnCode: values.siasnCode.trim() || null,
    name: values.name.trim(),
    // The contract rejects null with a message; the cast only lets the schema see the empty select.
    kind: values.kind as UnitKind,
    parentId: values.parentId,
    timeZone: values.timeZone,
  };
}

const zoneLabels: Record<TimeZone, string> = { 'Asia/Jakarta': 'WIB (UTC+7)', 'Asia/Makassar': 'WITA (UTC+8)', 'Asia/Jayapura': 'WIT (UTC+9)' };

/** Creates a unit (`unit` null, optionally under `defaultParentId`) or edits one. */
export function UnitFormModal({ unit, defaultParentId = null, onClose }: { unit: Unit | null; defaultParentId?: string | null; onClose: () => void }) {
  const t = useT();
  const reference = useReference();
  const tree = useUnitTree();
  const save = useSaveUnit();
  const form = useForm<UnitFormValues>({
    initialValues: {
      code: unit?.code ?? '',
      siasnCode: unit?.siasnCode ?? '',
      name: unit?.name ?? '',
      kind: unit?.kind ?? null,
      parentId: unit ? unit.parentId : defaultParentId,
      timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    },
    validate: (values) => validateWithSchema(createUnitRequest, toRequest(values), t),
  });
  // A unit cannot move under itself or its own descendants (the server refuses the cycle too).
  const excludedParents = useMemo(() => (unit ? collectSubtreeIds(tree.data?.items ?? [], unit.id) : undefined), [tree.data, unit]);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: unit?.id ?? null, request: toRequest(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: unit ? t('unit.updated') : t('unit.created') });
          onClose();
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );

  return (
    <FormModal title={unit ? t('unit.editTitle') : t('unit.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
            <TextInput label={t('unit.code')} required {...form.getInputProps('code')} />
            <TextInput label={t('unit.siasnCode')} {...form.getInputProps('siasnCode')} />
          </SimpleGrid>
          <TextInput label={t('unit.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('unit.kind')}
            required
            data={reference.data?.unitKinds ?? []}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          <UnitSelect
            label={t('unit.parent')}
            description={t('unit.parentHint')}
            excludeIds={excludedParents}
            value={form.values.parentId}
            onChange={(value) => form.setFieldValue('parentId', value)}
            error={form.errors.parentId}
          />
          <Select
            label={t('unit.timeZone')}
            description={form.values.kind === 'pemda' && !form.values.parentId ? t('unit.regionZoneHint') : t('unit.timeZoneHint')}
            required
            allowDeselect={false}
            data={timeZones.map((zone) => ({ value: zone, label: zoneLabels[zone] }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('timeZone')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="unit-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
