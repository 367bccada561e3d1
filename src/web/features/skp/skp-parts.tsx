import { Badge, Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { EmployeePredikat, Rating, SkpStatus, UnitPredikat } from '../../../domain/skp/vocabulary';
import { useSkpT } from './use-skp-t';

const STATUS_COLORS: Record<SkpStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' };
const PREDIKAT_COLORS: Record<EmployeePredikat, string> = { sangat_baik: 'teal', baik: 'green', butuh_perbaikan: 'yellow', kurang: 'orange', sangat_kurang: 'red' };

export function SkpStatusBadge({ status, isInForce }: { status: SkpStatus; isInForce?: boolean }) {
  const t = useSkpT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="skp-status">
      {t(`skp.status.${status}`)}
      {status === 'approved' && isInForce === false ? ` · ${t('skp.superseded')}` : ''}
    </Badge>
  );
}

export function PredikatBadge({ predikat }: { predikat: EmployeePredikat | null }) {
  const t = useSkpT();
  if (!predikat) return <Badge color="gray" variant="outline">{t('skp.notRated')}</Badge>;
  return (
    <Badge color={PREDIKAT_COLORS[predikat]} variant="light" data-testid="skp-predikat">
      {t(`skp.predikat.${predikat}`)}
    </Badge>
  );
}

export function RatingText({ rating }: { rating: Rating | null }) {
  const t = useSkpT();
  return <>{rating ? t(`skp.rating.${rating}`) : '—'}</>;
}

export function UnitPredikatText({ predikat }: { predikat: UnitPredikat | null }) {
  const t = useSkpT();
  return <>{predikat ? t(`skp.unitPredikat.${predikat}`) : t('skp.unitPredikat.none')}</>;
}

/** Basis points as "72,5 %" (or "72.5 %"). */
export function formatProgress(bp: number | null, locale: string): string {
  if (bp === null) return '—';
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(bp / 100)} %`;
}

export function ProgressLine({ bp, locale, label }: { bp: number | null; locale: string; label?: ReactNode }) {
  const value = bp === null ? 0 : Math.min(100, bp / 100);
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="xs" fw={600}>
          {formatProgress(bp, locale)}
        </Text>
      </Group>
      <Progress value={value} size="sm" color={bp === null ? 'gray' : value >= 100 ? 'teal' : value >= 50 ? 'blue' : 'orange'} aria-label={typeof label === 'string' ? label : undefined} />
    </Stack>
  );
}

/** This year, the previous one and the next: the years an SKP is usually worked on. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const t = useSkpT();
  const now = new Date().getFullYear();
  const years = [now + 1, now, now - 1, now - 2].map(String);
  return (
    <Select
      label={t('skp.year')}
      data={years.includes(String(value)) ? years : [String(value), ...years]}
      value={String(value)}
      onChange={(next) => next && onChange(Number(next))}
      allowDeselect={false}
      w={110}
      data-testid="skp-year"
    />
  );
}

/** A button that downloads a document through the session and reports a failure. */
export function DownloadButton({ label, onDownload, testId }: { label: string; onDownload: () => Promise<void>; testId?: string }) {
  const [isBusy, setIsBusy] = useState(false);
  const download = () => {
    setIsBusy(true);
    onDownload()
      .catch((error: Error) => notifications.show({ color: 'red', message: error.message }))
      .finally(() => setIsBusy(false));
  };
  return (
    <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={14} />} loading={isBusy} onClick={download} data-testid={testId}>
      {label}
    </Button>
  );
}
