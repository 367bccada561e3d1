import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, type NumberInputProps } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
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

/** What every field passes its input: its label (or screen-reader label), hint, problem and test id. */
const fieldProps = ({ ctx, path, label, bare, description, placeholder }: FieldProps) => ({
  ...(bare ? { 'aria-label': label } : { label }),
  description,
  placeholder,
  error: ctx.problems[pathKey(path)],
  'data-testid': `rule-${pathKey(path)}`,
});
/** The value at the field's path when it is a usable number, else empty. */
const numberAt = (ctx: DraftContext, path: DraftPath): number | undefined => {
  const value = getIn(ctx.draft, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export function DraftText({ nullable = false, ...props }: FieldProps & { nullable?: boolean }) {
  const { ctx, path } = props;
  const value = getIn(ctx.draft, path);
  return (
    <TextInput
      {...fieldProps(props)}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => ctx.set(path, nullable && event.currentTarget.value.trim() === '' ? null : event.currentTarget.value)}
    />
  );
}

/** A whole number; empty = null where the rule allows it, else NaN so the schema asks for it. */
function DraftWholeNumber({ nullable = false, input, ...props }: FieldProps & { nullable?: boolean; input: Partial<NumberInputProps> }) {
  const { ctx, path } = props;
  return (
    <NumberInput
      {...fieldProps(props)}
      value={numberAt(ctx, path) ?? ''}
      onChange={(next) => ctx.set(path, nullable && next === '' ? null : wholeNumber(next))}
      allowDecimal={false}
      allowNegative={false}
      {...input}
    />
  );
}

/** Kelas, minutes, days, months, a year. */
export const DraftInteger = ({ min, max, ...props }: FieldProps & { min?: number; max?: number; nullable?: boolean }) => <DraftWholeNumber {...props} input={{ min, max, miw: 70 }} />;

/** A percentage stored as basis points (also points: 1 point = 100 bp). */
export function DraftPercent({ suffix = ' %', ...props }: FieldProps & { suffix?: string }) {
  const { ctx, path } = props;
  const [locale] = useLocale();
  const bp = numberAt(ctx, path);
  return (
    <NumberInput
      {...fieldProps(props)}
      value={bp === undefined ? '' : bpToPercent(bp)}
      onChange={(next) => ctx.set(path, percentToBp(next))}
      decimalScale={2}
      decimalSeparator={locale === 'en' ? '.' : ','}
      allowNegative={false}
      suffix={suffix}
      miw={80}
    />
  );
}

export function DraftRupiah(props: FieldProps & { nullable?: boolean }) {
  const [locale] = useLocale();
  return <DraftWholeNumber {...props} input={{ thousandSeparator: locale === 'en' ? ',' : '.', decimalSeparator: locale === 'en' ? '.' : ',', prefix: 'Rp ', miw: 140 }} />;
}

/** A choice among `data`; `nullValue` is the option that stands for null (e.g. "not cut here"). */
export function DraftChoice({ data, toValue = (value) => value, nullValue, ...props }: FieldProps & { data: { value: string; label: string }[]; toValue?: (value: string) => unknown; nullValue?: string }) {
  const { ctx, path } = props;
  const value = getIn(ctx.draft, path);
  return (
    <Select
      {...fieldProps(props)}
      data={data}
      value={value === null || value === undefined ? (nullValue ?? null) : String(value)}
      onChange={(next) => next !== null && ctx.set(path, next === nullValue ? null : toValue(next))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      miw={120}
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

/** One column of a DraftRows table: its heading, and the field under it for the row at `row`. */
export interface RowColumn {
  head: string;
  cell: (ctx: DraftContext, row: DraftPath, label: string) => ReactNode;
}

type IntegerOptions = { min?: number; max?: number; nullable?: boolean; placeholder?: string };

/** The usual columns: one field of the row's item, labelled by the heading for screen readers. */
export const column = {
  text: (key: string, head: string): RowColumn => ({ head, cell: (ctx, row, label) => <DraftText ctx={ctx} path={[...row, key]} label={label} bare /> }),
  integer: (key: string, head: string, options: IntegerOptions = {}): RowColumn => ({ head, cell: (ctx, row, label) => <DraftInteger ctx={ctx} path={[...row, key]} label={label} bare {...options} /> }),
  percent: (key: string, head: string): RowColumn => ({ head, cell: (ctx, row, label) => <DraftPercent ctx={ctx} path={[...row, key]} label={label} bare /> }),
  rupiah: (key: string, head: string, options: { nullable?: boolean; placeholder?: string } = {}): RowColumn => ({
    head,
    cell: (ctx, row, label) => <DraftRupiah ctx={ctx} path={[...row, key]} label={label} bare {...options} />,
  }),
  choice: (key: string, head: string, data: { value: string; label: string }[]): RowColumn => ({ head, cell: (ctx, row, label) => <DraftChoice ctx={ctx} path={[...row, key]} label={label} bare data={data} /> }),
};

interface DraftRowsProps {
  ctx: DraftContext;
  /** The list in the draft (class amounts, a table's bands, penalties …). */
  path: DraftPath;
  columns: readonly RowColumn[];
  /** Cells after the columns that are not one field each (a class's five amounts and their total). */
  trailing?: { heads: ReactNode; cells: (row: DraftPath) => ReactNode };
  /** Read by screen readers on the row's remove button; the row number when absent. */
  rowLabel?: (index: number) => string;
  onAdd: () => void;
  minWidth: number;
  /** Rows that cannot be removed below this count (a table needs one band). */
  minRows?: number;
  addDisabled?: boolean;
  /** Shown beside the add button (a hint, a related choice). */
  footer?: ReactNode;
  testId?: string;
}

/** A list of the draft as a table: a row per item with a remove button, the list's own problem, and an add button. */
export function DraftRows({ ctx, path, columns, trailing, rowLabel = (index) => String(index + 1), onAdd, minWidth, minRows = 0, addDisabled = false, footer, testId }: DraftRowsProps) {
  const t = useT();
  const rows = (getIn(ctx.draft, path) as unknown[] | undefined) ?? [];
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing={4} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((item) => (
                <Table.Th key={item.head}>{item.head}</Table.Th>
              ))}
              {trailing?.heads}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((_, index) => (
              <Table.Tr key={index}>
                {columns.map((item) => (
                  <Table.Td key={item.head}>{item.cell(ctx, [...path, index], item.head)}</Table.Td>
                ))}
                {trailing?.cells([...path, index])}
                <Table.Td>
                  <RemoveRow label={rowLabel(index)} disabled={rows.length <= minRows} onClick={() => ctx.set(path, rows.filter((__, at) => at !== index))} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListProblem ctx={ctx} path={path} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} disabled={addDisabled} onClick={onAdd} data-testid={testId ? `${testId}-add` : undefined}>
          {t('ruleForm.add')}
        </Button>
        {footer}
      </Group>
    </Stack>
  );
}
