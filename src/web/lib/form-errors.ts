import type { z } from 'zod';
import { isApiError } from '../api/api-error';
import type { Translate } from '../i18n/i18n-context';

export type FormErrors = Record<string, string>;

type Issue = z.core.$ZodRawIssue;

/**
 * Messages for rules the contract states without its own (Indonesian) message, e.g. a select
 * left empty. Contract messages take precedence over these (Zod's rule), so they stay as written.
 */
function fallbackMessage(issue: Issue, t: Translate): string {
  // An empty number field reaches a coercing schema as NaN.
  const isEmpty = issue.input === undefined || issue.input === null || issue.input === '' || Number.isNaN(issue.input);
  if (isEmpty) return t('validation.required');
  if (issue.code === 'too_small' && typeof issue.input === 'string') return t('validation.required');
  if (issue.code === 'too_big' && typeof issue.input === 'string') return t('validation.tooLong', { max: String(issue.maximum) });
  return t('validation.invalid');
}

/**
 * Validates a request with its Zod contract, so the browser refuses what the server would.
 * Returns the first message per field path ("kelasJabatan", "roles.0.unitId").
 */
export function validateWithSchema(schema: z.ZodType, request: unknown, t: Translate): FormErrors {
  const result = schema.safeParse(request, { error: (issue) => fallbackMessage(issue, t) });
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * Field errors of a VALIDATION_FAILED answer, keyed like form fields. The server reports
 * paths such as "body.nip" or "nip"; both map to "nip".
 */
export function serverFieldErrors(error: unknown): FormErrors {
  if (!isApiError(error)) return {};
  const errors: FormErrors = {};
  for (const { field, message } of error.fieldErrors) {
    const path = field.replace(/^(body|querystring|params)\.?/, '') || 'form';
    errors[path] ??= message;
  }
  return errors;
}
