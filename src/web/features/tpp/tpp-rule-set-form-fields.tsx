import { ActionIcon, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { TPP_COMPONENT_LABELS, TPP_COMPONENTS } from '../../../domain/tpp/vocabulary';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatRupiahFor } from './tpp-i18n';
import { bpToPercent, componentsTotal, getIn, pathKey, percentToBp, wholeNumber, type DraftPath, type DraftProblems, type RuleSetDraft } from './rule-set-draft';

/** What every field of the rule-set form needs: the draft, how to set a value at a path, and the problems by path. */
export interface DraftContext {
  draft: RuleSetDraft;
  set: (path: DraftPath, value: unknown) => void;
  problems: DraftProblems;
}

interface FieldProps {
  ctx: DraftContext;
  path: DraftPath;
  label: string;
  /** In a table: the label is read by screen readers only. */
  bare?: boolean;
  description?: ReactNode;
  placeholder?: string;
}

const testIdOf = (path: DraftPath) => `rule-${pathKey(path)}`;
const labelProps = (label: string, bare: boolean | undefined) => (bare ? { 'aria-label': label } : { label });

export function DraftText({ ctx, path, label, bare, description, placeholder, nullable = false }: FieldProps & { nullable?: boolean }) {
  const value = getIn(ctx.draft, path);
  return (
    <TextInput
      {...labelProps(label, bare)}
      description={description}
      placeholder={placeholder}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => ctx.set(path, nullable && event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)}
      error={ctx.problems[pathKey(path)]}
      data-testid={testIdOf(path)}
    />
  );
}

/** A whole number (kelas, minutes, days, months, year); empty = null where the rule allows it. */
export function DraftInteger({ ctx, path, label, bare, description, placeholder, min, max, nullable = false }: FieldProps & { min?: number; max?: number; nullable?: boolean }) {
  const value = getIn(ctx.draft, path);
  return (
    <NumberInput
      {...labelProps(label, bare)}
      description={description}
      placeholder={placeholder}
      value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
      onChange={(next) => ctx.set(path, nullable && next === '' ? null : wholeNumber(next))}
      allowDecimal={false}
      allowNegative={false}
      min={min}
      max={max}
      error={ctx.problems[pathKey(path)]}
      miw={70}
      data-testid={testIdOf(path)}
    />
  );
}

/** A percentage stored as basis points (also points: 1 point = 100 bp). */
export function DraftPercent({ ctx, path, label, bare, description, suffix = ' %' }: FieldProps & { suffix?: string }) {
  const [locale] = useLocale();
  const value = getIn(ctx.draft, path);
  return (
    <NumberInput
      {...labelProps(label, bare)}
      description={description}
      value={typeof value === 'number' && Number.isFinite(value) ? bpToPercent(value) : ''}
      onChange={(next) => ctx.set(path, percentToBp(next))}
      decimalScale={2}
      decimalSeparator={locale === 'en' ? '.' : ','}
      allowNegative={false}
      suffix={suffix}
      error={ctx.problems[pathKey(path)]}
      miw={80}
      data-testid={testIdOf(path)}
    />
  );
}

export function DraftRupiah({ ctx, path, label, bare, description }: FieldProps) {
  const [locale] = useLocale();
  const value = getIn(ctx.draft, path);
  return (
    <NumberInput
      {...labelProps(label, bare)}
      description={description}
      value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
      onChange={(next) => ctx.set(path, wholeNumber(next))}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={locale === 'en' ? ',' : '.'}
      decimalSeparator={locale === 'en' ? '.' : ','}
      prefix="Rp "
      error={ctx.problems[pathKey(path)]}
      miw={140}
      data-testid={testIdOf(path)}
    />
  );
}

export function DraftChoice({ ctx, path, label, bare, data, toValue = (value) => value }: FieldProps & { data: { value: string; label: string }[]; toValue?: (value: string) => unknown }) {
  const value = getIn(ctx.draft, path);
  return (
    <Select
      {...labelProps(label, bare)}
      data={data}
      value={value === null || value === undefined ? null : String(value)}
      onChange={(next) => next !== null && ctx.set(path, toValue(next))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      error={ctx.problems[pathKey(path)]}
      miw={120}
      data-testid={testIdOf(path)}
    />
  );
}

export function RemoveRow({ onClick, disabled = false, label }: { onClick: () => void; disabled?: boolean; label: string }) {
  const t = useT();
  return (
    <ActionIcon variant="subtle" color="red" onClick={onClick} disabled={disabled} aria-label={`${t('ruleForm.remove')} ${label}`}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** The problem reported for a list or an object as a whole (e.g. "bands overlap"). */
export function ListProblem({ ctx, path }: { ctx: DraftContext; path: DraftPath }) {
  const message = ctx.problems[pathKey(path)];
  if (!message) return null;
  return (
    <Text size="xs" c="red" data-testid={`problem-${pathKey(path)}`}>
      {message}
    </Text>
  );
}

export const componentHeads = () => TPP_COMPONENTS.map((component) => <Table.Th key={component}>{TPP_COMPONENT_LABELS[component]}</Table.Th>);

/** The five criteria amounts of a class or position and their total. */
export function ComponentCells({ ctx, path }: { ctx: DraftContext; path: DraftPath }) {
  const [locale] = useLocale();
  const components = getIn(ctx.draft, path) as Parameters<typeof componentsTotal>[0];
  return (
    <>
      {TPP_COMPONENTS.map((component) => (
        <Table.Td key={component}>
          <DraftRupiah ctx={ctx} path={[...path, component]} label={TPP_COMPONENT_LABELS[component]} bare />
        </Table.Td>
      ))}
      <Table.Td>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatRupiahFor(componentsTotal(components), locale)}
        </Text>
      </Table.Td>
    </>
  );
}
