import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
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

export function sendError(reply: FastifyReply, error: AppError) {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return reply.status(error.statusCode).send(body);
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError(
      'VALIDATION_FAILED',
      'Data yang dikirim tidak valid',
      error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext,
        message: issue.message,
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
