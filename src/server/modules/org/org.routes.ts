import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';

export function registerOrgRoutes(_app: FastifyInstance, _deps: { db: Database; uploadMaxMb: number }) {}
