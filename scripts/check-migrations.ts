/**
 * Fails when the Drizzle schema and the committed migrations disagree: generates into a copy of
 * `drizzle/` and checks that drizzle-kit finds nothing new to write.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// drizzle-kit only accepts an output folder relative to the project.
const scratch = path.join(root, 'node_modules/.cache/ekinerja-migration-check');
fs.rmSync(scratch, { recursive: true, force: true });
const out = path.relative(root, path.join(scratch, 'drizzle'));
fs.cpSync(path.join(root, 'drizzle'), path.join(root, out), { recursive: true });
const before = fs.readdirSync(path.join(root, out)).sort();
const drizzleKit = path.join(root, 'node_modules/drizzle-kit/bin.cjs');
execFileSync(process.execPath, [drizzleKit, 'check', '--dialect', 'postgresql', '--out', out], { cwd: root, stdio: 'inherit' });
execFileSync(
  process.execPath,
  [drizzleKit, 'generate', '--dialect', 'postgresql', '--schema', './src/server/db/schema/index.ts', '--out', out, '--name', 'pending'],
  { cwd: root, stdio: 'inherit' },
);
const after = fs.readdirSync(path.join(root, out)).sort();
fs.rmSync(scratch, { recursive: true, force: true });
const added = after.filter((name) => !before.includes(name));
if (added.length > 0) {
  console.error(`\nSkema Drizzle berbeda dari migrasi yang di-commit (${added.join(', ')}). Jalankan: npm run db:generate -- --name <nama>`);
  process.exit(1);
}
console.log('Migrasi sesuai dengan skema.');
