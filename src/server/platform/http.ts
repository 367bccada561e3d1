import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role, RequestContext } from './actor';
import { AppError, type ErrorBody } from './errors';

/** Who may call a route. Every /api route must declare one; the app refuses to start otherwise. */
export type RouteAccess = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method);

const ATTACHMENT_TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A generated document sent as a download; the file name keeps to letters, digits, ".", "_" and "-". */
export function sendAttachment(reply: FastifyReply, kind: keyof typeof ATTACHMENT_TYPES, fileName: string, body: Buffer) {
  return reply
    .header('content-type', ATTACHMENT_TYPES[kind])
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .send(body);
}

export function sendError(reply: FastifyReply, error: AppError) {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return reply.status(error.statusCode).send(body);
}

// Zod's own messages (wrong type, missing field, too long) in Indonesian; a schema's own message wins.
const indonesianErrors = z.locales.id().localeError;

/**
 * Validates a request's body, query, params or headers against the route's Zod schema (what
 * fastify-type-provider-zod's compiler does), with Zod's messages in Indonesian.
 */
export const indonesianValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: indonesianErrors });
    if (result.success) return { value: result.data };
    const path = (issue: z.core.$ZodIssue) => issue.path.map(String).join('/');
    const issues: FastifySchemaValidationError[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${path(issue)}`,
      schemaPath: `#/${path(issue)}/${issue.code}`,
      params: {},
      message: issue.message,
    }));
    return { error: issues };
  };

/** Fastify's error for a request its validator refused: the issues and which part of the request. */
function requestIssues(error: unknown): { issues: FastifySchemaValidationError[]; context: string } | null {
  const candidate = error as { code?: unknown; validation?: unknown; validationContext?: unknown };
  if (candidate.code !== 'FST_ERR_VALIDATION' || !Array.isArray(candidate.validation)) return null;
  return { issues: candidate.validation as FastifySchemaValidationError[], context: typeof candidate.validationContext === 'string' ? candidate.validationContext : '' };
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const refused = requestIssues(error);
  if (refused) {
    return new AppError(
      'VALIDATION_FAILED',
      'Data yang dikirim tidak valid',
      refused.issues.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || refused.context,
        message: issue.message ?? 'Nilai tidak valid',
      })),
    );
  }
  const withCode = error as { code?: string; statusCode?: number; message?: string };
  if (withCode.code === 'FST_REQ_FILE_TOO_LARGE' || withCode.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || withCode.statusCode === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'Berkas atau data terlalu besar');
  }
  if (withCode.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || withCode.statusCode === 415) {
    return new AppError('UNSUPPORTED_FILE', 'Jenis konten tidak didukung');
  }
  if (withCode.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || withCode.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('VALIDATION_FAILED', 'Isi permintaan bukan JSON yang valid');
  }
  if (withCode.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('VALIDATION_FAILED', 'Permintaan harus berupa unggahan multipart/form-data');
  }
  if (withCode.statusCode === 429) {
    return new AppError('TOO_MANY_REQUESTS', 'Terlalu banyak permintaan. Coba lagi sebentar lagi.');
  }
  return null;
}

/** One error shape for every failure; 5xx details stay in the log with the request id. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError) {
      if (appError.statusCode >= 500) request.log.error({ err: error }, 'application error');
      return sendError(reply, appError);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendError(
      reply,
      new AppError('INTERNAL', `Terjadi kesalahan pada server. Sebutkan kode permintaan ${request.id} kepada admin.`),
    );
  });
  app.setNotFoundHandler((request, reply) => {
    return sendError(reply, new AppError('NOT_FOUND', `Alamat ${request.method} ${request.url.split('?')[0]} tidak ditemukan`));
  });
}

export function requireSession(request: FastifyRequest) {
  if (!request.ctx.actor || !request.sessionToken) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  return { actor: request.ctx.actor, token: request.sessionToken };
}
