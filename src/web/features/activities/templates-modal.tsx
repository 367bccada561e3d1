import { ActionIcon, Alert, Button, Card, Divider, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActivityTemplateView, MyCatalogueItem } from '../../../contracts/activities-entries';
import { templateBody } from '../../../contracts/activities-entries';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useDeleteTemplate, useEntryFromTemplate, useRhkChoices, useSaveTemplate, useTemplates } from './activity-entries-api';
import { createIdempotencyKey } from './offline-queue';
import { RhkSelect } from './rhk-select';

function TemplateRow({ template, workDate }: { template: ActivityTemplateView; workDate: string }) {
  const t = useT();
  const use = useEntryFromTemplate();
  const [startTime, setStartTime] = useState(template.startTime ?? '');
  const [endTime, setEndTime] = useState(template.endTime ?? '');
  const [idempotencyKey] = useState(createIdempotencyKey);
  return (
    <Card withBorder padding="xs" data-testid="template-row">
      <Text size="sm" fw={600}>
        {template.name}
      </Text>
      <Text size="xs" c="dimmed">
        {template.isAdditionalTask ? template.title : template.catalogueName} · {template.volume} {template.outputUnit ?? ''}
      </Text>
      {template.skpRhkText && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {t('activityEntry.rhkOfEntry', { text: template.skpRhkText })}
        </Text>
      )}
      <Group gap="xs" mt={4} wrap="nowrap" align="flex-end">
        <TimeInput size="xs" aria-label={t('activityEntry.startTime')} value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} />
        <TimeInput size="xs" aria-label={t('activityEntry.endTime')} value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} />
        <Button
          size="xs"
          leftSection={<IconPlayerPlay size={14} />}
          loading={use.isPending}
          disabled={!startTime || !endTime}
          onClick={() =>
            use.mutate(
              { id: template.id, workDate, startTime, endTime, idempotencyKey },
              {
                onSuccess: (created) => {
                  notifications.show({ color: 'teal', message: t('activityEntry.templateUsed', { name: template.name }) });
                  if (template.skpRhkId !== null && created.skpRhkId === null) notifications.show({ color: 'yellow', message: t('activityEntry.rhkDropped'), autoClose: 10_000 });
                },
              },
            )
          }
          data-testid="template-use"
        >
          {t('activityEntry.templateUse')}
        </Button>
      </Group>
    </Card>
  );
}

/** Templates for recurring work: use one for the selected day, create new ones, delete old ones. */
export function TemplatesModal({ workDate, catalogue, onClose }: { workDate: string; catalogue: MyCatalogueItem[]; onClose: () => void }) {
  const t = useT();
  const templates = useTemplates();
  const save = useSaveTemplate();
  const remove = useDeleteTemplate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'catalogue' | 'additional'>('catalogue');
  const [catalogueItemId, setCatalogueItemId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [volume, setVolume] = useState<number | string>(1);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [skpRhkId, setSkpRhkId] = useState<string | null>(null);
  const rhkChoices = useRhkChoices(workDate);
  const [errors, setErrors] = useState<FormErrors>({});
  const shown = { ...serverFieldErrors(save.error), ...errors };

  const handleCreate = () => {
    const body = {
      name: name.trim(),
      catalogueItemId: kind === 'catalogue' ? catalogueItemId : null,
      isAdditionalTask: kind === 'additional',
      title: kind === 'additional' ? title.trim() : null,
      outputUnit: null,
      volume: Number(volume),
      startTime: startTime || null,
      endTime: endTime || null,
      description: null,
      skpRhkId,
    };
    const found = validateWithSchema(templateBody, body, t);
    if (kind === 'catalogue' && !catalogueItemId) found.catalogueItemId = t('activityEntry.chooseActivity');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(body, {
      onSuccess: () => {
        setName('');
        setTitle('');
        setSkpRhkId(null);
        notifications.show({ color: 'teal', message: t('activityEntry.templateSaved') });
      },
    });
  };

  return (
    <FormModal title={t('activityEntry.templates')} onClose={onClose}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('activityEntry.templatesHint', { date: workDate })}
        </Text>
        {templates.isError && <Alert color="red">{templates.error.message}</Alert>}
        {templates.data?.items.length === 0 && <Text size="sm">{t('activityEntry.templatesEmpty')}</Text>}
        {templates.data?.items.map((template) => (
          <Group key={template.id} wrap="nowrap" align="flex-start" gap={4}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <TemplateRow template={template} workDate={workDate} />
            </div>
            <ActionIcon variant="subtle" color="red" aria-label={t('activityEntry.templateDelete')} onClick={() => remove.mutate(template.id)} data-testid="template-delete">
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Divider label={t('activityEntry.templateNew')} />
        {save.error && Object.keys(serverFieldErrors(save.error)).length === 0 && <Alert color="red">{save.error.message}</Alert>}
        <TextInput label={t('activityEntry.templateName')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="template-name" />
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(value) => setKind(value === 'additional' ? 'additional' : 'catalogue')}
          data={[
            { value: 'catalogue', label: t('activityEntry.kindCatalogue') },
            { value: 'additional', label: t('activityEntry.kindAdditional') },
          ]}
        />
        {kind === 'catalogue' ? (
          <Select
            label={t('activityEntry.activity')}
            data={catalogue.map((item) => ({ value: item.itemId, label: item.name }))}
            value={catalogueItemId}
            onChange={setCatalogueItemId}
            searchable
            error={shown.catalogueItemId}
            comboboxProps={{ withinPortal: true }}
            data-testid="template-activity"
          />
        ) : (
          <TextInput label={t('activityEntry.taskTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={shown.title} />
        )}
        <RhkSelect value={skpRhkId} onChange={setSkpRhkId} choices={rhkChoices} current={null} error={shown.skpRhkId} data-testid="template-rhk" />
        <SimpleGrid cols={3} spacing="xs">
          <TimeInput label={t('activityEntry.startTime')} value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} error={shown.startTime} />
          <TimeInput label={t('activityEntry.endTime')} value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} error={shown.endTime} />
          <NumberInput label={t('activityEntry.volume')} min={1} max={10_000} allowDecimal={false} value={volume} onChange={setVolume} error={shown.volume} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button onClick={handleCreate} loading={save.isPending} data-testid="template-save">
            {t('activityEntry.templateCreate')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
