import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../contracts/common';
import {
  assignment,
  createAssignmentRequest,
  createSuperiorOverrideRequest,
  endSuperiorOverrideRequest,
  superiorOverride,
  updateAssignmentRequest,
} from '../../../contracts/org';
import type { Database } from '../../db/client';
import { notFound } from '../../platform/errors';
import { findAssignmentViews } from './assignments.repository';
import { createAssignment, updateAssignment } from './assignments.service';
import { ORG_WRITERS } from './org-access';
import { findOverrideViews } from './superior-overrides.repository';
import { createSuperiorOverride, endSuperiorOverride } from './superior-overrides.service';

/** Assignments (definitif / Plt / Plh) and superior overrides: the writes behind "who reports to whom". */
export function registerAssignmentRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['penugasan dan atasan'];
  const readAssignment = async (id: string) => {
    const [view] = await findAssignmentViews(deps.db, { assignmentId: id });
    if (!view) throw notFound('Penugasan');
    return view;
  };
  const readOverride = async (id: string) => {
    const [view] = await findOverrideViews(deps.db, { overrideId: id });
    if (!view) throw notFound('Pengalihan atasan');
    return view;
  };

  routes.post(
    '/api/assignments',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Tugaskan pegawai pada jabatan (definitif, Plt, Plh)', body: createAssignmentRequest, response: { 201: assignment } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createAssignment(tx, request.ctx, request.body));
      return reply.status(201).send(await readAssignment(id));
    },
  );

  routes.patch(
    '/api/assignments/:id',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Akhiri atau koreksi penugasan', params: uuidParam, body: updateAssignmentRequest, response: { 200: assignment } } },
    async (request) => {
      await deps.db.transaction((tx) => updateAssignment(tx, request.ctx, request.params.id, request.body));
      return readAssignment(request.params.id);
    },
  );

  routes.post(
    '/api/superior-overrides',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Tetapkan atasan pengganti untuk suatu periode', body: createSuperiorOverrideRequest, response: { 201: superiorOverride } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createSuperiorOverride(tx, request.ctx, request.body));
      return reply.status(201).send(await readOverride(id));
    },
  );

  routes.post(
    '/api/superior-overrides/:id/end',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Akhiri pengalihan atasan', params: uuidParam, body: endSuperiorOverrideRequest, response: { 200: superiorOverride } } },
    async (request) => {
      await deps.db.transaction((tx) => endSuperiorOverride(tx, request.ctx, request.params.id, request.body.endDate));
      return readOverride(request.params.id);
    },
  );
}
