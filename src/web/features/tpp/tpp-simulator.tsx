import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { TppExplanationView, TppInputChangesBody } from '../../../contracts/tpp';
import { ErrorState } from '../../components/error-state';
import { EMPLOYEE_PREDIKATS } from '../../../domain/skp/vocabulary';
import { useLocale, useT } from '../../i18n/i18n-context';
import { useTppSimulation } from './tpp-api';
import { formatRupiahFor, useTppT } from './tpp-i18n';

/** The select's value for "not rated" (a predikat of null). */
const NO_PREDIKAT = 'none';

/** "What if …": the month's inputs changed on the server, both results and what changed, line by line. */
export function TppSimulator({ employeeId, explanation }: { employeeId: string | null; explanation: TppExplanationView }) {
  const t = useTppT();
  const tSkp = useT();
  const [locale] = useLocale();
  const [productivity, setProductivity] = useState<number>(explanation.inputs.productivityBp / 100);
  const [tkDays, setTkDays] = useState<number>(explanation.inputs.tkDays);
  const [isWithoutLate, setIsWithoutLate] = useState(false);
  const [isWithoutEarly, setIsWithoutEarly] = useState(false);
  const { uses } = explanation.inputs;
  const [predikat, setPredikat] = useState<string>(explanation.inputs.skpPredikat ?? NO_PREDIKAT);
  const [achievement, setAchievement] = useState<number>((explanation.inputs.skpAchievementBp ?? 0) / 100);
  const [apelMissed, setApelMissed] = useState<number>(explanation.inputs.apelMissed);
  const simulation = useTppSimulation();
  const rupiah = (amount: number) => formatRupiahFor(amount, locale);
  const hasApel = uses.apel && explanation.inputs.apelRequired > 0;

  const run = () => {
    const skp = {
      ...(uses.skpPredikat ? { predikat: EMPLOYEE_PREDIKATS.find((value) => value === predikat) ?? null } : {}),
      ...(uses.skpAchievement ? { achievementBp: Math.round(achievement * 100) } : {}),
    };
    const changes: TppInputChangesBody = {
      ...(uses.productivity ? { productivityBp: Math.round(productivity * 100) } : {}),
      ...(uses.skpPredikat || uses.skpAchievement ? { skp } : {}),
      attendance: { tkDays, ...(isWithoutLate ? { late: [] } : {}), ...(isWithoutEarly ? { early: [] } : {}), ...(hasApel ? { apel: { missed: apelMissed } } : {}) },
    };
    simulation.mutate({ period: explanation.period, ...(employeeId ? { employeeId } : {}), changes });
  };

  return (
    <Card withBorder padding="md" data-testid="tpp-simulator">
      <Text fw={700}>{t('tpp.simulator.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('tpp.simulator.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {uses.productivity && (
          <NumberInput label={t('tpp.simulator.productivity')} value={productivity} onChange={(value) => setProductivity(Number(value) || 0)} min={0} max={200} decimalScale={2} data-testid="tpp-sim-productivity" />
        )}
        {uses.skpPredikat && (
          <Select
            label={t('tpp.simulator.skpPredikat')}
            data={[{ value: NO_PREDIKAT, label: t('tpp.simulator.skpUnrated') }, ...EMPLOYEE_PREDIKATS.map((value) => ({ value, label: tSkp(`skp.predikat.${value}`) }))]}
            value={predikat}
            onChange={(value) => setPredikat(value ?? NO_PREDIKAT)}
            allowDeselect={false}
            data-testid="tpp-sim-predikat"
          />
        )}
        {uses.skpAchievement && (
          <NumberInput label={t('tpp.simulator.skpAchievement')} value={achievement} onChange={(value) => setAchievement(Number(value) || 0)} min={0} max={200} decimalScale={2} data-testid="tpp-sim-achievement" />
        )}
        {hasApel && (
          <NumberInput
            label={t('tpp.simulator.apelMissed', { required: explanation.inputs.apelRequired })}
            value={apelMissed}
            onChange={(value) => setApelMissed(Number(value) || 0)}
            min={0}
            max={explanation.inputs.apelRequired}
            allowDecimal={false}
            data-testid="tpp-sim-apel"
          />
        )}
        <NumberInput label={t('tpp.simulator.tkDays')} value={tkDays} onChange={(value) => setTkDays(Number(value) || 0)} min={0} max={31} allowDecimal={false} data-testid="tpp-sim-tk" />
        <Switch label={t('tpp.simulator.noLate')} disabled={explanation.inputs.lateEvents === 0} checked={isWithoutLate} onChange={(event) => setIsWithoutLate(event.currentTarget.checked)} />
        <Switch label={t('tpp.simulator.noEarly')} disabled={explanation.inputs.earlyEvents === 0} checked={isWithoutEarly} onChange={(event) => setIsWithoutEarly(event.currentTarget.checked)} />
      </SimpleGrid>
      <Button mt="sm" onClick={run} loading={simulation.isPending} data-testid="tpp-sim-run">
        {t('tpp.simulator.run')}
      </Button>
      {simulation.isError && <ErrorState error={simulation.error} />}
      {simulation.data && (
        <Stack gap="xs" mt="sm" data-testid="tpp-sim-result">
          <SimpleGrid cols={3} spacing="xs">
            {(
              [
                [t('tpp.simulator.before'), simulation.data.before.net],
                [t('tpp.simulator.after'), simulation.data.after.net],
                [t('tpp.simulator.difference'), simulation.data.difference.net],
              ] as const
            ).map(([label, amount]) => (
              <Card key={label} withBorder padding="xs">
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={600} size="sm">
                  {rupiah(amount)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('tpp.simulator.changes')}
          </Text>
          {simulation.data.lineChanges.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('tpp.simulator.noChange')}
            </Text>
          )}
          {simulation.data.lineChanges.map((line) => (
            <Group key={line.code} justify="space-between" wrap="nowrap">
              <Text size="sm" className="break-anywhere">
                {line.label}
              </Text>
              <Text size="sm" fw={600} c={line.change < 0 ? 'red.7' : 'teal.7'} style={{ whiteSpace: 'nowrap' }}>
                {rupiah(line.change)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
