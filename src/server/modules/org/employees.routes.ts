import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../contracts/common';
import {
  assignmentList,
  createEmployeeRequest,
  dateQuery,
  employee,
  employeeDetail,
  employeePage,
  employeeQuery,
  subordinateList,
  superiorOverrideList,
  superiorResult,
  updateEmployeeRequest,
} from '../../../contracts/org';
import type { Database } from '../../db/client';
import { regionToday, type RequestContext } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import {
  getEmployeeDetail,
  getEmployeeSubordinates,
  getEmployeeSuperior,
  listEmployeeAssignments,
  listEmployeeOverrides,
  listEmployees,
} from './employee-queries.service';
import { findEmployeeView } from './employees.repository';
import { createEmployee, setEmployeeActive, updateEmployee } from './employees.service';
import { ORG_READERS, ORG_WRITERS } from './org-access';

/**
 * Employees. Reading one employee (and their superior, subordinates, history) is open to every
 * signed-in user at route level; the service answers 404 outside the caller's scope (self,
 * subordinates, own units, or the whole regency).
 */
export function registerEmployeeRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pegawai'];
  const readBack = async (ctx: RequestContext, id: string) => {
    const view = await findEmployeeView(deps.db, id, regionToday(ctx));
    if (!view) throw notFound('Pegawai');
    return view;
  };

  routes.get(
    '/api/employees',
    {
      config: { access: [...ORG_READERS, 'atasan'] },
      schema: { tags, summary: 'Daftar pegawai (cari nama/NIP); atasan melihat diri dan bawahan langsung', querystring: employeeQuery, response: { 200: employeePage } },
    },
    async (request) => listEmployees(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/employees/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Detail pegawai: riwayat jabatan, pengalihan atasan, atasan hari ini', params: uuidParam, response: { 200: employeeDetail } } },
    async (request) => getEmployeeDetail(deps.db, request.ctx, request.params.id),
  );

  routes.get(
    '/api/employees/:id/superior',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Atasan langsung pada tanggal (bawaan: hari ini)', params: uuidParam, querystring: dateQuery, response: { 200: superiorResult } } },
    async (request) => getEmployeeSuperior(deps.db, request.ctx, request.params.id, request.query.date),
  );

  routes.get(
    '/api/employees/:id/subordinates',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Bawahan langsung pada tanggal (bawaan: hari ini)', params: uuidParam, querystring: dateQuery, response: { 200: subordinateList } } },
    async (request) => getEmployeeSubordinates(deps.db, request.ctx, request.params.id, request.query.date),
  );

  routes.get(
    '/api/employees/:id/assignments',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Riwayat penugasan jabatan', params: uuidParam, response: { 200: assignmentList } } },
    async (request) => listEmployeeAssignments(deps.db, request.ctx, request.params.id),
  );

  routes.get(
    '/api/employees/:id/superior-overrides',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Riwayat pengalihan atasan', params: uuidParam, response: { 200: superiorOverrideList } } },
    async (request) => listEmployeeOverrides(deps.db, request.ctx, request.params.id),
  );

  routes.post(
    '/api/employees',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Daftarkan pegawai (tanggal lahir dan jenis kelamin dari NIP)', body: createEmployeeRequest, response: { 201: employee } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createEmployee(tx, request.ctx, request.body));
      return reply.status(201).send(await readBack(request.ctx, id));
    },
  );

  routes.patch(
    '/api/employees/:id',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Ubah data pegawai', params: uuidParam, body: updateEmployeeRequest, response: { 200: employee } } },
    async (request) => {
      await deps.db.transaction((tx) => updateEmployee(tx, request.ctx, request.params.id, request.body));
      return readBack(request.ctx, request.params.id);
    },
  );

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/employees/:id/${action}`,
      { config: { access: ORG_WRITERS }, schema: { tags, summary: isActive ? 'Aktifkan pegawai' : 'Nonaktifkan pegawai', params: uuidParam, response: { 200: employee } } },
      async (request) => {
        await deps.db.transaction((tx) => setEmployeeActive(tx, request.ctx, request.params.id, isActive));
        return readBack(request.ctx, request.params.id);
      },
    );
  }
}
