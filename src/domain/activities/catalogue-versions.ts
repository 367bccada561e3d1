/**
 * Versioning of catalogue activities: approved entries keep the standard minutes they were made
 * with, so a change of what an activity is or how long it takes never rewrites the stored
 * version — it adds the next one.
 */
export interface CatalogueVersionFields {
  name: string;
  description: string | null;
  outputUnit: string;
  standardMinutes: number;
}

export const VERSIONED_FIELDS = ['name', 'description', 'outputUnit', 'standardMinutes'] as const satisfies readonly (keyof CatalogueVersionFields)[];

export interface CurrentVersion extends CatalogueVersionFields {
  version: number;
  effectiveFrom: string;
}

export type CatalogueEditPlan =
  | { kind: 'unchanged' }
  | { kind: 'new_version'; version: number; effectiveFrom: string; fields: CatalogueVersionFields; changed: (keyof CatalogueVersionFields)[] }
  | { kind: 'invalid'; field: 'effectiveFrom'; message: string };

/** The versioned fields an edit really changes (a field that is not sent, or sent unchanged, is no change). */
export function changedVersionFields(current: CatalogueVersionFields, edit: Partial<CatalogueVersionFields>): (keyof CatalogueVersionFields)[] {
  return VERSIONED_FIELDS.filter((field) => edit[field] !== undefined && (edit[field] ?? null) !== (current[field] ?? null));
}

/**
 * What an edit does: nothing, or a new version (current + 1) effective from the given day or
 * `today`. A version may not start before the current one: the history must stay in date order,
 * or an entry's date would match two versions.
 */
export function planCatalogueEdit(current: CurrentVersion, edit: Partial<CatalogueVersionFields> & { effectiveFrom?: string }, today: string): CatalogueEditPlan {
  const changed = changedVersionFields(current, edit);
  if (changed.length === 0) return { kind: 'unchanged' };
  const effectiveFrom = edit.effectiveFrom ?? (today > current.effectiveFrom ? today : current.effectiveFrom);
  if (effectiveFrom < current.effectiveFrom) {
    return {
      kind: 'invalid',
      field: 'effectiveFrom',
      message: `Versi baru tidak boleh berlaku sebelum versi ${current.version} (berlaku sejak ${current.effectiveFrom})`,
    };
  }
  const fields: CatalogueVersionFields = {
    name: edit.name ?? current.name,
    description: edit.description === undefined ? current.description : edit.description,
    outputUnit: edit.outputUnit ?? current.outputUnit,
    standardMinutes: edit.standardMinutes ?? current.standardMinutes,
  };
  return { kind: 'new_version', version: current.version + 1, effectiveFrom, fields, changed };
}
