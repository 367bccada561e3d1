import { Alert, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { TPP_LINE_SECTION_VALUES, type TppExplanationView } from '../../../contracts/tpp';
import { ErrorState } from '../../components/error-state';
import { useLocale } from '../../i18n/i18n-context';
import { downloadTppSlip, useTppExplanation } from './tpp-api';
import { formatRupiahFor, useTppT } from './tpp-i18n';
import { TppMonthChangeCard } from './tpp-month-change';
import { TppSimulator } from './tpp-simulator';

type Line = TppExplanationView['result']['lines'][number];

function Totals({ explanation }: { explanation: TppExplanationView }) {
  const t = useTppT();
  const [locale] = useLocale();
  const { result } = explanation;
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  // [test id, label, amount]; the last one, what is paid, stands out.
  const figures: [string, string, number][] = [
    ['tpp-base', t('tpp.total.base', { kelas: result.base.kelasJabatan }), result.base.total],
    ['tpp-earned', t('tpp.total.earned'), result.earned],
    ['tpp-deductions', t('tpp.total.deductions'), -result.deductionTotal],
    ['tpp-adjustments', t('tpp.total.adjustments'), result.adjustmentTotal],
    ['tpp-tpp', t('tpp.total.tpp'), result.tpp],
    ['tpp-gross', t('tpp.total.gross'), result.gross],
    ['tpp-net', t('tpp.total.net'), result.net],
    ['tpp-payable', t('tpp.total.payable'), explanation.netPayable],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="tpp-totals">
      {figures.map(([testId, label, amount]) => {
        const isMain = testId === 'tpp-payable';
        return (
          <Card key={testId} withBorder padding="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={isMain ? 700 : 600} size={isMain ? 'lg' : 'sm'} c={isMain ? 'teal' : undefined} data-testid={testId}>
              {rupiah(amount)}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function LineRow({ line }: { line: Line }) {
  const t = useTppT();
  const [locale] = useLocale();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="tpp-line">
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600} className="break-anywhere">
          {line.label}
        </Text>
        <Text size="xs" className="break-anywhere">
          <Text span c="dimmed" size="xs">
            {t('tpp.line.input')}:{' '}
          </Text>
          {line.input}
        </Text>
        <Text size="xs" className="break-anywhere">
          <Text span c="dimmed" size="xs">
            {t('tpp.line.rule')}:{' '}
          </Text>
          {line.rule}
        </Text>
        {line.citation && (
          <Text size="xs" c="blue.7" className="break-anywhere" data-testid="tpp-line-citation">
            {t('tpp.line.citation')}: {line.citation}
          </Text>
        )}
      </Stack>
      <Text size="sm" fw={600} c={line.effect < 0 ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="tpp-line-effect">
        {formatRupiahFor(line.effect, locale)}
      </Text>
    </Group>
  );
}

/** The month's lines grouped by section, each with what was measured, the rule and its citation. */
function Lines({ lines }: { lines: readonly Line[] }) {
  const t = useTppT();
  return (
    <Stack gap="sm">
      {TPP_LINE_SECTION_VALUES.map((section) => {
        const inSection = lines.filter((line) => line.section === section);
        if (inSection.length === 0) return null;
        return (
          <Card key={section} withBorder padding="sm">
            <Text fw={700} size="sm" mb={4}>
              {t(`tpp.section.${section}`)}
            </Text>
            {inSection.map((line, index) => (
              <LineRow key={`${line.code}-${index}`} line={line} />
            ))}
          </Card>
        );
      })}
    </Stack>
  );
}

/**
 * "Why is my TPP this amount?" on one screen: the status of the month, the totals, every line with
 * its rule and citation, notes on missing data, corrections paid with it, the slip and the simulator.
 */
export function TppExplanationPanel({ employeeId, period, canSimulate }: { employeeId: string | null; period: string; canSimulate: boolean }) {
  const t = useTppT();
  const [locale] = useLocale();
  const [isDownloading, setIsDownloading] = useState(false);
  const query = useTppExplanation(employeeId, period);
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const explanation = query.data;
  const download = () => {
    setIsDownloading(true);
    downloadTppSlip(employeeId, period)
      .catch((error: Error) => notifications.show({ color: 'red', message: error.message }))
      .finally(() => setIsDownloading(false));
  };
  return (
    <Stack gap="sm" data-testid="tpp-explanation">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Text fw={600} className="break-anywhere">
              {explanation.employee.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {explanation.employee.nip}
            </Text>
            <Text size="sm" className="break-anywhere">
              {[explanation.employee.positionName, explanation.employee.opdName].filter(Boolean).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed" className="break-anywhere">
              {explanation.result.ruleSet.name} ({explanation.result.ruleSet.regulation})
            </Text>
          </Stack>
          <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={14} />} loading={isDownloading} onClick={download} data-testid="tpp-slip">
            {t('tpp.mine.slip')}
          </Button>
        </Group>
        {/* A sentence, not a badge: a badge cuts it off on a phone. */}
        <Alert mt="xs" p="xs" variant="light" color={explanation.isFrozen ? 'teal' : explanation.isEstimate ? 'yellow' : 'blue'} data-testid="tpp-status">
          <Text size="xs" fw={600}>
            {explanation.isFrozen ? t('tpp.mine.frozen') : explanation.isEstimate ? t('tpp.mine.estimate') : t('tpp.mine.open')}
          </Text>
        </Alert>
      </Card>
      <Totals explanation={explanation} />
      {explanation.notes.length > 0 && (
        <Alert color="yellow" title={t('tpp.mine.notes')}>
          <List size="sm">
            {explanation.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Lines lines={explanation.result.lines} />
      <TppMonthChangeCard employeeId={employeeId} period={period} />
      {explanation.corrections.length > 0 && (
        <Card withBorder padding="sm">
          <Text fw={700} size="sm" mb={4}>
            {t('tpp.mine.corrections')}
          </Text>
          {explanation.corrections.map((correction) => (
            <Group key={correction.id} justify="space-between" wrap="nowrap">
              <Text size="sm" className="break-anywhere">
                {t('tpp.mine.correctionOf', { period: correction.correctsPeriod })}: {correction.reason}
              </Text>
              <Text size="sm" fw={600}>
                {formatRupiahFor(correction.amount, locale)}
              </Text>
            </Group>
          ))}
        </Card>
      )}
      {canSimulate && !explanation.isFrozen && <TppSimulator key={`${explanation.period}-${explanation.employee.id}-${explanation.computedAt}`} employeeId={employeeId} explanation={explanation} />}
    </Stack>
  );
}
