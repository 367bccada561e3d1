import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AccessLogController } from '../../../src/server/platform/access-log';

function capturedLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('access log', () => {
  it('writes one line per request, with its outcome and request id', async () => {
    const { lines, stream } = capturedLines();
    const app = Fastify({ logger: { level: 'info', stream }, logController: new AccessLogController() });
    app.get('/api/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/thing?x=1' });
    await app.close();
    const requestLines = lines.filter((line) => line.reqId !== undefined);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ level: 30, msg: 'request', method: 'GET', url: '/api/thing?x=1', statusCode: 200 });
    expect(typeof requestLines[0]?.responseTime).toBe('number');
    expect(typeof requestLines[0]?.reqId).toBe('string');
    expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(false);
  });

  it('logs nothing below its level', async () => {
    const { lines, stream } = capturedLines();
    const app = Fastify({ logger: { level: 'warn', stream }, logController: new AccessLogController() });
    app.get('/api/thing', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/thing' });
    await app.close();
    expect(lines).toHaveLength(0);
  });
});
