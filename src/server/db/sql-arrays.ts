import { sql, type SQL } from 'drizzle-orm';

/**
 * Bulk writes as `insert … select … from unnest($1::text[], $2::int[], …)`: one bind parameter
 * per column whatever the number of rows. A multi-row VALUES list instead costs one parameter
 * per cell, which dominated ingestion time, and caps a statement at 65,535 cells.
 *
 * Each column travels as one PostgreSQL array literal built here rather than by the driver:
 * node-postgres quotes and escapes every element one by one, which for a month of a regency's
 * daily rows (~5 million cells) costs seconds; most of our values (uuids, dates, codes, numbers)
 * need no quoting at all. The literal is a bound value, never SQL text, and PGlite takes the same
 * string, so both drivers see exactly one text parameter per column.
 */
export type ArrayElement = string | number | boolean | null;

/** Characters that may stand unquoted in an array literal (no space, comma, brace, quote, backslash). */
const PLAIN_ELEMENT = /^[A-Za-z0-9_.:+-]+$/;

function formatElement(value: ArrayElement): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // An unquoted NULL would be read as a null element.
  if (PLAIN_ELEMENT.test(value) && value.toUpperCase() !== 'NULL') return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The values as one PostgreSQL array literal: `{a,"b c",NULL}`. */
export function toArrayLiteral(values: readonly ArrayElement[]): string {
  let literal = '{';
  for (let index = 0; index < values.length; index++) {
    if (index > 0) literal += ',';
    literal += formatElement(values[index] ?? null);
  }
  return `${literal}}`;
}

/** One column of a bulk write: the values as a single `elementType[]` parameter. */
export const arrayParam = (values: readonly ArrayElement[], elementType: string): SQL => sql`${toArrayLiteral(values)}::${sql.raw(elementType)}[]`;
