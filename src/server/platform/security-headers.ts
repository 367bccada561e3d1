import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/** helmet's factory, as @fastify/helmet calls it: options in, a connect-style middleware out. */
type HelmetFactory = (options: object) => (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The helmet that @fastify/helmet itself uses (resolved from the plugin's own location, so that
 * both always agree). The plugin is not registered: it builds helmet's middleware anew on every
 * request (parsing the CSP directives each time), which was a visible share of a small request.
 */
const loadHelmet = (): HelmetFactory => {
  const fromApp = createRequire(import.meta.url);
  const fromPlugin = createRequire(fromApp.resolve('@fastify/helmet'));
  return fromPlugin('helmet') as HelmetFactory;
};

/** The app's helmet options: a strict CSP for the single-page app; HSTS only when served over HTTPS (COOKIE_SECURE). */
export function securityHeaderOptions(options: { isHttpsOnly: boolean }) {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: options.isHttpsOnly,
  };
}

interface HeaderPlan {
  set: [name: string, value: string | string[]][];
  removed: string[];
}

/**
 * The headers helmet sets with `options`, worked out once: with static directives (no function
 * values) they do not depend on the request, so every response gets the same list.
 */
export function planSecurityHeaders(options: object): HeaderPlan {
  const plan: HeaderPlan = { set: [], removed: [] };
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      plan.set.push([name, typeof value === 'number' ? String(value) : typeof value === 'string' ? value : [...value]]);
      return recorder;
    },
    removeHeader(name: string) {
      plan.removed.push(name);
    },
  };
  let finished = false;
  loadHelmet()(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  // A directive computed per request would call back later (or read the request): refuse it here.
  if (!finished) throw new Error('security headers: helmet did not finish synchronously; per-request directives are not supported');
  return plan;
}

/** The same headers as registering @fastify/helmet with `options` globally, computed once at start-up. */
export function installSecurityHeaders(app: FastifyInstance, options: object): void {
  const { set, removed } = planSecurityHeaders(options);
  // Through Fastify's reply headers (written with the response, as the raw ones were; a route that
  // sets one of them still wins): the raw setHeader validated every name and value per request.
  const headers = Object.fromEntries(set.map(([name, value]) => [name.toLowerCase(), value]));
  app.addHook('onRequest', (request, reply, done) => {
    for (const name of removed) reply.raw.removeHeader(name);
    reply.headers(headers);
    done();
  });
}
