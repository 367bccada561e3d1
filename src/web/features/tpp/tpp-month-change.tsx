import { Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useLocale } from '../../i18n/i18n-context';
import { formatMonth } from '../../lib/dates';
import { useTppMonthChange } from './tpp-api';
import { formatRupiahFor, useTppT } from './tpp-i18n';

/** "Why is it different from last month?": the net then and now, and every line whose amount moved. */
export function TppMonthChangeCard({ employeeId, period }: { employeeId: string | null; period: string }) {
  const t = useTppT();
  const [locale] = useLocale();
  const query = useTppMonthChange(employeeId, period);
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const signed = (amount: number) => `${amount > 0 ? '+' : ''}${rupiah(amount)}`;
  if (query.isPending) return <Loader size="sm" />;
  // The explanation above already says what went wrong; the comparison just stays away.
  if (query.isError) return null;
  const { comparison, previousPeriod } = query.data;
  const before = formatMonth(previousPeriod, locale);
  return (
    <Card withBorder padding="sm" data-testid="tpp-month-change">
      <Stack gap={6}>
        <Text fw={700} size="sm">
          {t('tpp.change.title', { previous: before })}
        </Text>
        {comparison === null ? (
          <Text size="sm" c="dimmed">
            {t('tpp.change.none', { previous: before })}
          </Text>
        ) : (
          <>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                {t('tpp.change.nets', { previous: before, before: rupiah(comparison.previousNet), after: rupiah(comparison.net) })}
              </Text>
              <Text size="sm" fw={700} c={comparison.difference.net < 0 ? 'red.7' : 'teal.7'} data-testid="tpp-month-change-net" style={{ whiteSpace: 'nowrap' }}>
                {signed(comparison.difference.net)}
              </Text>
            </Group>
            {comparison.lineChanges.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('tpp.change.same')}
              </Text>
            )}
            {comparison.lineChanges.map((line) => (
              <Group key={line.code} justify="space-between" wrap="nowrap" gap="xs" data-testid="tpp-month-change-line">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" className="break-anywhere">
                    {line.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {rupiah(line.before)} → {rupiah(line.after)}
                  </Text>
                </div>
                <Text size="sm" fw={600} c={line.change < 0 ? 'red.7' : 'teal.7'} style={{ whiteSpace: 'nowrap' }}>
                  {signed(line.change)}
                </Text>
              </Group>
            ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
