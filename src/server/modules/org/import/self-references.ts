import { orderByDependency } from './dependency-order';
import { failRow, type ImportRun } from './import-run';
import { rowFailure } from './row-errors';

/** A row of a tree-shaped entity (units, positions) that may point at another row by code. */
export interface TreeRowPlan {
  rowNumber: number;
  /** null when the key cell could not be read. */
  key: string | null;
  /** Code of the referenced row: undefined = column absent, null = empty. */
  referenceKey: string | null | undefined;
}

/**
 * Write order for tree rows: referenced rows first, wherever they sit in the file. Rows on a
 * reference cycle fail with the cycle spelled out; they are left out of the order.
 */
export function orderTreeRows<T extends TreeRowPlan>(run: ImportRun, plans: readonly T[], referenceColumn: string): T[] {
  const keyed = plans.filter((plan): plan is T & { key: string } => plan.key !== null);
  const { order, cycles } = orderByDependency(keyed.map((plan) => ({ key: plan.key, dependsOn: plan.referenceKey ?? null })));
  for (const cycle of cycles) {
    const members = cycle.flatMap((index) => (keyed[index] ? [keyed[index]] : []));
    const [first] = members;
    const path = [...members.map((plan) => plan.key), first?.key].join(' → ');
    for (const plan of members) {
      failRow(run, [{ row: plan.rowNumber, column: referenceColumn, message: `Rujukan ${referenceColumn} membentuk lingkaran: ${path}` }]);
    }
  }
  const unkeyed = plans.filter((plan) => plan.key === null);
  return [...order.flatMap((index) => (keyed[index] ? [keyed[index]] : [])), ...unkeyed];
}

/** Ids of rows of this file already written (or failed), so later rows can point at them. */
export class WrittenRows {
  private readonly byKey = new Map<string, { rowNumber: number; id: string | null }>();

  constructor(private readonly label: string) {}

  declareRow(key: string, rowNumber: number) {
    this.byKey.set(key, { rowNumber, id: null });
  }

  markWritten(key: string, rowNumber: number, id: string) {
    this.byKey.set(key, { rowNumber, id });
  }

  /**
   * The id a reference points at: a row of this file wins over the stored data, because the file
   * describes the state after the import.
   */
  async resolve(
    key: string,
    referringRow: number,
    column: string,
    findStoredId: (key: string) => Promise<string | null>,
  ): Promise<string> {
    const inFile = this.byKey.get(key);
    if (inFile) {
      if (inFile.id) return inFile.id;
      throw rowFailure(referringRow, column, `${this.label} ${key} pada baris ${inFile.rowNumber} tidak dapat diproses, sehingga baris ini juga tidak`);
    }
    const storedId = await findStoredId(key);
    if (!storedId) throw rowFailure(referringRow, column, `${this.label} dengan kode ${key} tidak ditemukan`);
    return storedId;
  }
}
