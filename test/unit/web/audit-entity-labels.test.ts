import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityTypeLabel } from '../../../src/web/features/audit/audit-entity-labels';

/** Every entity type the server's code writes to the audit trail as a literal (constants and inline). */
function auditedEntityTypes(): string[] {
  const types = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/entityType: '([a-z_:]+)'|const [A-Z_]*ENTITY[A-Z_]* = '([a-z_:]+)'/g)) types.add(match[1] ?? match[2] ?? '');
      }
    }
  };
  visit(join(import.meta.dirname, '../../../src/server'));
  return [...types].sort();
}

describe('audit entity labels', () => {
  it('names every kind of data the server audits, in both languages', () => {
    const types = auditedEntityTypes();
    expect(types.length).toBeGreaterThan(40);
    expect(types.filter((type) => entityTypeLabel(type, 'id') === type || entityTypeLabel(type, 'en') === type)).toEqual([]);
    for (const imported of ['units', 'positions', 'employees']) expect(entityTypeLabel(`import:${imported}`, 'id')).not.toBe(`import:${imported}`);
  });

  it('shows an unknown kind as its code', () => {
    expect(entityTypeLabel('modul_baru', 'id')).toBe('modul_baru');
    expect([entityTypeLabel('tpp_treasurer', 'id'), entityTypeLabel('tpp_treasurer', 'en')]).toEqual(['Bendahara TPP', 'TPP treasurer']);
  });
});
