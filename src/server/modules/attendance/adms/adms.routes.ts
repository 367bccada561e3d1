import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdmsDeps, AdmsReply } from './adms.service';
import { answerCommandPoll, answerHandshake, answerHeartbeat, receiveCommandResults, receiveUpload } from './adms.service';

/** A full ATTLOG re-upload of a 100,000-record device is ~5 MB; beyond that something is wrong. */
const ADMS_BODY_LIMIT = 16 * 1024 * 1024;
const SERIAL_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Query = Record<string, string | undefined>;

function readQuery(request: FastifyRequest): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') query[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') query[key] = value[0];
  }
  return query;
}

const rawQueryOf = (request: FastifyRequest) => request.url.split('?')[1] ?? '';

const bodyOf = (request: FastifyRequest): Buffer => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));

function send(reply: FastifyReply, deps: AdmsDeps, answer: AdmsReply) {
  // The device sets its clock from our Date header (plus TimeZone): it must be the app clock.
  return reply
    .status(answer.isRefused ? 403 : 200)
    .header('date', deps.clock.now().toUTCString())
    .type('text/plain; charset=utf-8')
    .send(answer.text);
}

/**
 * ZKTeco PUSH/ADMS endpoints (devices.md §1), plain text outside /api: the device is the client
 * and identifies itself by `?SN=`. Registered in their own plugin scope so that their body
 * parser (raw bytes of any content type) does not leak into the JSON API.
 */
export function registerAdmsRoutes(app: FastifyInstance, deps: AdmsDeps): void {
  // Loaded with the app (ready/listen), like any plugin registered without await.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ADMS_BODY_LIMIT }, (_request, body, done) => done(null, body));

    const withSerial =
      (handler: (serialNumber: string, request: FastifyRequest) => Promise<AdmsReply>) => async (request: FastifyRequest, reply: FastifyReply) => {
        const serialNumber = readQuery(request).SN ?? '';
        if (!SERIAL_PATTERN.test(serialNumber)) return reply.status(400).type('text/plain; charset=utf-8').send('ERROR: SN tidak valid');
        return send(reply, deps, await handler(serialNumber, request));
      };

    for (const suffix of ['', '.aspx']) {
      const options = { schema: { hide: true } };
      scope.get(`/iclock/cdata${suffix}`, options, withSerial((serialNumber, request) => answerHandshake(deps, { serialNumber, query: readQuery(request) })));
      scope.post(
        `/iclock/cdata${suffix}`,
        options,
        withSerial((serialNumber, request) => {
          const query = readQuery(request);
          return receiveUpload(deps, { serialNumber, table: query.table ?? '', stamp: query.Stamp ?? null, rawQuery: rawQueryOf(request), body: bodyOf(request) });
        }),
      );
      scope.get(`/iclock/getrequest${suffix}`, options, withSerial((serialNumber, request) => answerCommandPoll(deps, { serialNumber, query: readQuery(request) })));
      scope.post(`/iclock/devicecmd${suffix}`, options, withSerial((serialNumber, request) => receiveCommandResults(deps, { serialNumber, rawQuery: rawQueryOf(request), body: bodyOf(request) })));
      scope.get(`/iclock/ping${suffix}`, options, withSerial((serialNumber, request) => answerHeartbeat(deps, { serialNumber, query: readQuery(request) })));
    }
  });
}
