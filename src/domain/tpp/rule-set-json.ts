import { z } from 'zod';
import { tppRuleSetSchema, type TppRuleSet } from './rule-set';

/** A problem in an imported rule set: where (dotted path) and what, in Indonesian. */
export interface RuleSetIssue {
  path: string;
  message: string;
}

export type RuleSetParseResult = { ok: true; ruleSet: TppRuleSet } | { ok: false; issues: RuleSetIssue[] };

// Zod's own messages (wrong type, missing field) in Indonesian, for this parse only: no global config.
const indonesianErrors = z.locales.id().localeError;

/** Validate a rule set from any source (JSON import, database, admin form). */
export function parseTppRuleSet(data: unknown): RuleSetParseResult {
  const parsed = tppRuleSetSchema.safeParse(data, { error: indonesianErrors });
  if (parsed.success) return { ok: true, ruleSet: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
}

/** Import: the JSON text of a rule set (the format is the schema itself). */
export function parseTppRuleSetJson(text: string): RuleSetParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'Berkas bukan JSON yang sah' }] };
  }
  return parseTppRuleSet(data);
}

/** Export: stable, readable JSON that parseTppRuleSetJson reads back to an equal rule set. */
export const serializeTppRuleSet = (ruleSet: TppRuleSet): string => `${JSON.stringify(ruleSet, null, 2)}\n`;
