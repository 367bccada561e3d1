import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { SkpRhkView } from '../../../contracts/skp';
import { useLocale } from '../../i18n/i18n-context';
import { useSkpT } from './use-skp-t';

export const formatTarget = (indicator: SkpRhkView['indicators'][number], locale: string) => {
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 4 });
  const upper = indicator.targetValueUpper === null ? '' : `–${number.format(indicator.targetValueUpper)}`;
  return `${number.format(indicator.targetValue)}${upper} ${indicator.targetUnit}`;
};

/** One RHK: kind, text, the superior RHK it supports, its indicators with targets. */
export function RhkCard({ rhk, onEdit, onRemove }: { rhk: SkpRhkView; onEdit?: () => void; onRemove?: () => void }) {
  const t = useSkpT();
  const [locale] = useLocale();
  return (
    <Card withBorder padding="sm" data-testid="skp-rhk">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Badge size="sm" variant="light" color={rhk.kind === 'utama' ? 'blue' : 'grape'}>
                {t(`skp.kind.${rhk.kind}`)}
              </Badge>
              {rhk.perspective && (
                <Badge size="sm" variant="outline">
                  {t(`skp.perspective.${rhk.perspective}`)}
                </Badge>
              )}
            </Group>
            <Text fw={600} size="sm" className="break-anywhere">
              {rhk.text}
            </Text>
            <Text size="xs" c="dimmed" className="break-anywhere">
              {rhk.supportedRhkText
                ? t('skp.rhk.supports', { text: rhk.supportedRhkText })
                : rhk.supportedAgreementText
                  ? t('skp.rhk.agreement', { text: rhk.supportedAgreementText })
                  : t('skp.rhk.noCitation')}
            </Text>
          </Stack>
          {(onEdit || onRemove) && (
            <Group gap={4} wrap="nowrap">
              {onEdit && (
                <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('skp.rhk.edit')}>
                  <IconPencil size={16} />
                </ActionIcon>
              )}
              {onRemove && (
                <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('skp.rhk.remove')}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          )}
        </Group>
        <Stack gap={4}>
          {rhk.indicators.map((indicator) => (
            <Group key={indicator.id} gap={6} wrap="nowrap" align="flex-start" data-testid="skp-indicator">
              <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                {t(`skp.aspect.${indicator.aspect}`)}
              </Badge>
              <Text size="xs" className="break-anywhere" style={{ flex: 1 }}>
                {indicator.text}
              </Text>
              <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatTarget(indicator, locale)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

export function RhkList({ rhk, onEdit, onRemove }: { rhk: SkpRhkView[]; onEdit?: (rhk: SkpRhkView) => void; onRemove?: (rhk: SkpRhkView) => void }) {
  const t = useSkpT();
  if (rhk.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {t('skp.rhk.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {rhk.map((item) => (
        <RhkCard key={item.id} rhk={item} onEdit={onEdit && (() => onEdit(item))} onRemove={onRemove && (() => onRemove(item))} />
      ))}
    </Stack>
  );
}
