import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One access line per request, written when the response has gone out, instead of Fastify's two
 * ("incoming request" with the serialised request, then "request completed"): at info level
 * every request paid for both. Fastify's other request-scoped lines (stream errors, 404s, …) stay.
 */
export class AccessLogController extends LogController {
  override incomingRequest(): void {
    // The request is logged once, with its outcome (requestCompleted).
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime, ip: request.ip };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}
