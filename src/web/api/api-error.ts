/** A field-level problem reported by the server for VALIDATION_FAILED. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every failed API call becomes one ApiError: the stable `code`, the (Indonesian) server
 * `message` to show as is, and `details` as sent (field errors, row errors, lockout time).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a VALIDATION_FAILED response, or an empty list. */
  get fieldErrors(): FieldError[] {
    if (Array.isArray(this.details)) return this.details.filter(isFieldError);
    // A service may name the one offending field: `{ field: 'password' }` with the message on the error.
    if (typeof this.details === 'object' && this.details !== null) {
      const { field } = this.details as Record<string, unknown>;
      if (typeof field === 'string') return [{ field, message: this.message }];
    }
    return [];
  }
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === 'string' && typeof candidate.message === 'string';
}

/** Code used when the network itself fails (server down, offline). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * Turns a non-2xx response body into an ApiError. Bodies that do not follow the
 * `{ error: { code, message, details } }` shape (a proxy error page, say) still give a message.
 */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      if (typeof code === 'string' && typeof message === 'string') return new ApiError(status, code, message, details);
    }
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage);
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
