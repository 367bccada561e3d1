/**
 * Rows as one jsonb array for `jsonb_populate_recordset(null::<table>, $1)`: each row's fields
 * under their column names (Drizzle's keys are camelCase, the table's columns snake_case); values
 * as JSON writes them (a Date as ISO text, a missing field as null). One text parameter carries
 * any number of rows, so a statement that writes a batch is prepared once.
 */
export function rowsAsJson(columns: readonly (readonly [string, { name: string }])[], rows: readonly object[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const fields = row as Record<string, unknown>;
      const named: Record<string, unknown> = {};
      for (const [key, column] of columns) named[column.name] = fields[key] ?? null;
      return named;
    }),
  );
}
