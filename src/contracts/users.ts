import { z } from 'zod';
import { pageOf } from './common';

export const grantedRoleSchema = z.enum(['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor']);

export const roleGrant = z
  .object({ role: grantedRoleSchema, unitId: z.uuid().nullable().default(null) })
  .refine((grant) => (grant.role === 'admin_opd') === (grant.unitId !== null), {
    message: 'Admin OPD wajib memiliki unit; peran lain tidak memakai unit',
    path: ['unitId'],
  });

export const createUserRequest = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9._-]{2,39}$/i, 'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah, tanda hubung')
      .nullable()
      .default(null),
    employeeId: z.uuid().nullable().default(null),
    displayName: z.string().trim().min(1).max(200).optional(),
    password: z.string().min(1).max(200),
    mustChangePassword: z.boolean().default(true),
    roles: z.array(roleGrant).max(10).default([]),
  })
  .refine((input) => input.username !== null || input.employeeId !== null, {
    message: 'Isi nama pengguna atau pilih pegawai',
    path: ['username'],
  });

export const userSummary = z.object({
  id: z.uuid(),
  username: z.string().nullable(),
  employeeId: z.uuid().nullable(),
  nip: z.string().nullable(),
  displayName: z.string(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ role: grantedRoleSchema, unitId: z.uuid().nullable() })),
});

export const userQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const userPage = pageOf(userSummary);

export const updateUserRequest = z.object({
  isActive: z.boolean().optional(),
  roles: z.array(roleGrant).max(10).optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
});

export const resetPasswordRequest = z.object({ password: z.string().min(1).max(200) });
