import { describe, expect, it } from 'vitest';
import { changedVersionFields, planCatalogueEdit, type CurrentVersion } from '../../../src/domain/activities/catalogue-versions';

const current: CurrentVersion = { version: 3, effectiveFrom: '2026-02-01', name: 'Menyusun draf surat dinas', description: null, outputUnit: 'dokumen', standardMinutes: 30 };

describe('changedVersionFields', () => {
  it.each([
    { edit: {}, changed: [] },
    { edit: { name: 'Menyusun draf surat dinas', standardMinutes: 30 }, changed: [] },
    { edit: { description: null }, changed: [] },
    { edit: { standardMinutes: 45 }, changed: ['standardMinutes'] },
    { edit: { description: 'Termasuk penomoran', outputUnit: 'surat' }, changed: ['description', 'outputUnit'] },
  ])('edit $edit changes $changed', ({ edit, changed }) => {
    expect(changedVersionFields(current, edit)).toEqual(changed);
  });

  it('sees clearing a description as a change', () => {
    expect(changedVersionFields({ ...current, description: 'lama' }, { description: null })).toEqual(['description']);
  });
});

describe('planCatalogueEdit', () => {
  it('does nothing when no versioned field changes, even with a new effective date', () => {
    expect(planCatalogueEdit(current, { standardMinutes: 30, effectiveFrom: '2026-05-01' }, '2026-04-13')).toEqual({ kind: 'unchanged' });
  });

  it('makes the next version from today, keeping the fields that were not sent', () => {
    expect(planCatalogueEdit(current, { standardMinutes: 45 }, '2026-04-13')).toEqual({
      kind: 'new_version',
      version: 4,
      effectiveFrom: '2026-04-13',
      fields: { name: 'Menyusun draf surat dinas', description: null, outputUnit: 'dokumen', standardMinutes: 45 },
      changed: ['standardMinutes'],
    });
  });

  it('starts on the current version’s day when that day is still ahead of today', () => {
    const future = { ...current, effectiveFrom: '2026-06-01' };
    expect(planCatalogueEdit(future, { name: 'Menyusun surat' }, '2026-04-13')).toMatchObject({ kind: 'new_version', effectiveFrom: '2026-06-01' });
  });

  it('accepts an explicit date on or after the current version and refuses one before it', () => {
    expect(planCatalogueEdit(current, { outputUnit: 'surat', effectiveFrom: '2026-02-01' }, '2026-04-13')).toMatchObject({ kind: 'new_version', effectiveFrom: '2026-02-01' });
    expect(planCatalogueEdit(current, { outputUnit: 'surat', effectiveFrom: '2026-01-31' }, '2026-04-13')).toEqual({
      kind: 'invalid',
      field: 'effectiveFrom',
      message: 'Versi baru tidak boleh berlaku sebelum versi 3 (berlaku sejak 2026-02-01)',
    });
  });
});
