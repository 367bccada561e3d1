import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { createCatalogueItemRequest, updateCatalogueItemRequest } from '../../../contracts/activities-admin';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchPositions } from '../positions/positions-api';
import { useSaveCatalogueItem, type CatalogueItem } from './activities-admin-api';

/**
 * Adds an activity, or edits one. An edit of name, description, output unit or minutes makes a
 * new version; the form says so, and which version entries already made keep.
 */
export function CatalogueFormModal({ item, canChooseGeneral, onClose }: { item: CatalogueItem | null; canChooseGeneral: boolean; onClose: () => void }) {
  const t = useT();
  const save = useSaveCatalogueItem();
  const [code, setCode] = useState(item?.code ?? '');
  const [positionId, setPositionId] = useState<string | null>(item?.positionId ?? null);
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [outputUnit, setOutputUnit] = useState(item?.outputUnit ?? '');
  const [standardMinutes, setStandardMinutes] = useState<number | string>(item?.standardMinutes ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const hasFieldErrors = Object.keys(serverFieldErrors(save.error)).length > 0;

  const submit = () => {
    const fields = {
      name,
      description: description.trim() || null,
      outputUnit,
      standardMinutes: typeof standardMinutes === 'number' ? standardMinutes : Number.NaN,
      ...(effectiveFrom ? { effectiveFrom } : {}),
    };
    if (item) {
      const found = validateWithSchema(updateCatalogueItemRequest, fields, t);
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      save.mutate(
        { id: item.id, update: fields },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: saved.currentVersion > item.currentVersion ? t('activityAdmin.catalogue.savedVersion', { version: saved.currentVersion }) : t('activityAdmin.catalogue.unchanged') });
            onClose();
          },
        },
      );
      return;
    }
    const create = { ...fields, code, positionId };
    const found = validateWithSchema(createCatalogueItemRequest, create, t);
    if (!canChooseGeneral && positionId === null) found.positionId = t('activityAdmin.catalogue.positionRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: null, create },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('activityAdmin.catalogue.created') });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={item ? t('activityAdmin.catalogue.editTitle', { code: item.code }) : t('activityAdmin.catalogue.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack>
          {item && (
            <Alert color="blue" icon={<IconVersions size={18} />} data-testid="catalogue-version-note">
              {t('activityAdmin.catalogue.versionNote', { current: item.currentVersion, next: item.currentVersion + 1 })}
            </Alert>
          )}
          {save.error && !hasFieldErrors && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          {!item && (
            <>
              <TextInput label={t('activityAdmin.catalogue.code')} required maxLength={60} value={code} onChange={(event) => setCode(event.currentTarget.value)} error={shown.code} data-testid="catalogue-code" />
              <AsyncSelect
                label={t('activityAdmin.catalogue.position')}
                description={canChooseGeneral ? t('activityAdmin.catalogue.positionHint') : t('activityAdmin.catalogue.positionHintOpd')}
                placeholder={canChooseGeneral ? t('activityAdmin.catalogue.general') : undefined}
                required={!canChooseGeneral}
                queryKey="positions"
                search={searchPositions}
                value={positionId}
                onChange={(value) => setPositionId(value)}
                error={shown.positionId}
                data-testid="catalogue-position"
              />
            </>
          )}
          <TextInput label={t('activityAdmin.catalogue.name')} required maxLength={300} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="catalogue-name" />
          <Textarea label={t('activityAdmin.catalogue.descriptionField')} autosize minRows={2} maxLength={2000} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={shown.description} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('activityAdmin.catalogue.outputUnit')}
              description={t('activityAdmin.catalogue.outputUnitHint')}
              required
              maxLength={50}
              value={outputUnit}
              onChange={(event) => setOutputUnit(event.currentTarget.value)}
              error={shown.outputUnit}
              data-testid="catalogue-output-unit"
            />
            <NumberInput
              label={t('activityAdmin.catalogue.standardMinutes')}
              description={t('activityAdmin.catalogue.standardMinutesHint')}
              required
              min={1}
              max={1440}
              allowDecimal={false}
              value={standardMinutes}
              onChange={setStandardMinutes}
              error={shown.standardMinutes}
              data-testid="catalogue-minutes"
            />
          </SimpleGrid>
          <DateField
            label={t('activityAdmin.catalogue.effectiveFrom')}
            description={item ? t('activityAdmin.catalogue.effectiveFromEditHint', { date: item.effectiveFrom }) : t('activityAdmin.catalogue.effectiveFromHint')}
            clearable
            minDate={item?.effectiveFrom}
            value={effectiveFrom}
            onChange={setEffectiveFrom}
            error={shown.effectiveFrom}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="catalogue-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
