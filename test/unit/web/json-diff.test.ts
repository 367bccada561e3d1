import { describe, expect, it } from 'vitest';
import { diffJson, formatDiffValue } from '../../../src/web/lib/json-diff';

describe('diffJson', () => {
  it('lists every field of a creation as added', () => {
    expect(diffJson(null, { code: 'A', name: 'Unit A' })).toEqual([
      { path: 'code', kind: 'added', before: undefined, after: 'A' },
      { path: 'name', kind: 'added', before: undefined, after: 'Unit A' },
    ]);
  });

  it('puts changed fields first and unchanged ones last', () => {
    const rows = diffJson({ name: 'Lama', code: 'X', isActive: true }, { name: 'Baru', code: 'X', isActive: false });
    expect(rows.map((row) => [row.path, row.kind])).toEqual([
      ['isActive', 'changed'],
      ['name', 'changed'],
      ['code', 'unchanged'],
    ]);
  });

  it('compares nested objects and arrays leaf by leaf', () => {
    const rows = diffJson({ roles: [{ role: 'admin_opd', unitId: 'u1' }] }, { roles: [{ role: 'admin_opd', unitId: 'u2' }, { role: 'auditor', unitId: null }] });
    expect(rows.filter((row) => row.kind !== 'unchanged')).toEqual([
      { path: 'roles.0.unitId', kind: 'changed', before: 'u1', after: 'u2' },
      { path: 'roles.1.role', kind: 'added', before: undefined, after: 'auditor' },
      { path: 'roles.1.unitId', kind: 'added', before: undefined, after: null },
    ]);
  });

  it('reports a field that disappeared as removed and keeps null distinct from missing', () => {
    expect(diffJson({ a: 1, b: null }, { b: null })).toEqual([
      { path: 'a', kind: 'removed', before: 1, after: undefined },
      { path: 'b', kind: 'unchanged', before: null, after: null },
    ]);
  });

  it('keeps empty containers visible as leaves', () => {
    expect(diffJson({ roles: [] }, { roles: [{ role: 'auditor' }] }).map((row) => [row.path, row.kind])).toEqual([
      ['roles', 'removed'],
      ['roles.0.role', 'added'],
    ]);
  });

  it('returns nothing when neither side has data', () => {
    expect(diffJson(null, null)).toEqual([]);
  });
});

describe('formatDiffValue', () => {
  it('shows strings bare and other values as JSON', () => {
    expect(formatDiffValue('teks')).toBe('teks');
    expect(formatDiffValue(null)).toBe('null');
    expect(formatDiffValue(12)).toBe('12');
    expect(formatDiffValue(undefined)).toBe('');
  });
});
