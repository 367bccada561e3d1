import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponse, uuidParam } from '../../../contracts/common';
import { createUserRequest, resetPasswordRequest, updateUserRequest, userPage, userQuery } from '../../../contracts/users';
import type { Database } from '../../db/client';
import type { SessionStore } from '../../platform/sessions';
import { createUser, listUsers, resetPassword, updateUser } from './users.service';

export function registerUserRoutes(app: FastifyInstance, deps: { db: Database; sessions: SessionStore }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['akun'];
  const access = ['admin_bkpsdm', 'admin_opd'] as const;

  routes.get('/api/users', { config: { access }, schema: { tags, summary: 'Daftar akun', querystring: userQuery, response: { 200: userPage } } }, async (request) =>
    listUsers(deps.db, request.ctx, request.query),
  );

  routes.post('/api/users', { config: { access }, schema: { tags, summary: 'Buat akun', body: createUserRequest } }, async (request, reply) => {
    const created = await createUser(deps.db, request.ctx, request.body);
    return reply.status(201).send({ id: created.id });
  });

  routes.patch(
    '/api/users/:id',
    { config: { access }, schema: { tags, summary: 'Ubah akun: aktif/nonaktif, peran', params: uuidParam, body: updateUserRequest, response: { 200: okResponse } } },
    async (request) => {
      await updateUser(deps.db, deps.sessions, request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  routes.post(
    '/api/users/:id/reset-password',
    { config: { access }, schema: { tags, summary: 'Atur ulang kata sandi (dan buka kunci)', params: uuidParam, body: resetPasswordRequest, response: { 200: okResponse } } },
    async (request) => {
      await resetPassword(deps.db, deps.sessions, request.ctx, request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
}
