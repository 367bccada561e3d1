import { describe, expect, it } from 'vitest';
import { en } from '../../../src/web/i18n/en';
import { formatMessage } from '../../../src/web/i18n/format-message';
import { id } from '../../../src/web/i18n/id';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use the same placeholders in both languages', () => {
    const mismatches = Object.entries(id).filter(([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof id]).join());
    expect(mismatches).toEqual([]);
  });

  it('have no empty messages', () => {
    expect(Object.entries({ ...id }).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });
});

describe('formatMessage', () => {
  it('fills placeholders', () => {
    expect(formatMessage('{first}–{last} dari {total}', { first: 1, last: 25, total: 1971 })).toBe('1–25 dari 1971');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(formatMessage('Halo {name}', {})).toBe('Halo {name}');
  });
});
