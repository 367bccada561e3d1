/**
 * The one application error. `code` is stable (clients and tests match on it), `message` is
 * Indonesian and safe to show, `details` carries field- or row-level information.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CSRF_INVALID'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE'
  | 'IMPORT_FAILED'
  | 'INTERNAL';

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF_INVALID: 403,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  IMPORT_FAILED: 422,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get statusCode(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} tidak ditemukan`);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini') =>
  new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const invalid = (message: string, details?: unknown) =>
  new AppError('VALIDATION_FAILED', message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
