import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDemoAccountsMarkdown } from '../../../src/server/modules/demo/demo-accounts';

const root = path.resolve(import.meta.dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README stays true', () => {
  it('lists exactly the demo accounts the seed creates', () => {
    const section = /<!-- demo-accounts:start -->\n([\s\S]*?)\n<!-- demo-accounts:end -->/.exec(readme)?.[1];
    expect(section?.trim()).toBe(formatDemoAccountsMarkdown().trim());
  });

  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z0-9:-]+)/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(3);
    for (const script of named) expect(Object.keys(packageJson.scripts)).toContain(script);
  });

  it('documents every configuration variable', async () => {
    const source = fs.readFileSync(path.join(root, 'src/server/config.ts'), 'utf8');
    const variables = [...source.matchAll(/^\s{2}([A-Z_]+): z\./gm)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(readme).toContain(`| \`${variable}\` |`);
  });
});
