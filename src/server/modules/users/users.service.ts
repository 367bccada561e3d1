import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserRequest, roleGrant, updateUserRequest, userQuery } from '../../../contracts/users';
import type { Database, Executor } from '../../db/client';
import { employees, units, userRoles, users } from '../../db/schema';
import { assertCanManageUnit, hasRole, requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { checkPasswordStrength, hashPassword } from '../../platform/passwords';
import type { SessionStore } from '../../platform/sessions';

type RoleGrant = z.infer<typeof roleGrant>;
type CreateUserInput = z.input<typeof createUserRequest> & { password: string };

function formatName(row: { name: string; gelarDepan: string | null; gelarBelakang: string | null }) {
  return [row.gelarDepan, row.name].filter(Boolean).join(' ') + (row.gelarBelakang ? `, ${row.gelarBelakang}` : '');
}

async function assertUnitsExist(executor: Executor, grants: RoleGrant[]) {
  const unitIds = grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  if (unitIds.length === 0) return;
  const found = await executor.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (found.length !== new Set(unitIds).size) throw invalid('Unit untuk peran admin OPD tidak ditemukan');
}

/**
 * Creates a login. Only admin BKPSDM creates username accounts or grants roles; an admin OPD may
 * open accounts for employees of their own units. `ctx.actor` null = CLI/seed (trusted).
 */
export async function createUser(
  db: Database,
  ctx: RequestContext,
  input: CreateUserInput,
  options: { skipStrengthCheck?: boolean; passwordHash?: string } = {},
) {
  const username = input.username ?? null;
  const employeeId = input.employeeId ?? null;
  const roles = (input.roles ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId ?? null }));
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm') && (username !== null || roles.length > 0)) {
    throw forbidden('Hanya admin BKPSDM yang dapat membuat akun admin atau memberi peran');
  }
  if (!options.passwordHash && !options.skipStrengthCheck) {
    const weakness = checkPasswordStrength(input.password);
    if (weakness) throw invalid(weakness, { field: 'password' });
  }
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));

  return db.transaction(async (tx) => {
    let displayName = input.displayName ?? username ?? '';
    let scopeUnitId: string | null = null;
    if (employeeId) {
      const [employee] = await tx.select().from(employees).where(eq(employees.id, employeeId));
      if (!employee) throw notFound('Pegawai');
      if (ctx.actor) assertCanManageUnit(ctx.actor, employee.unitId);
      displayName = input.displayName ?? formatName(employee);
      scopeUnitId = employee.unitId;
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.employeeId, employeeId));
      if (existing) throw conflict('Pegawai ini sudah memiliki akun');
    }
    if (username) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
      if (existing) throw conflict(`Nama pengguna ${username} sudah dipakai`);
    }
    await assertUnitsExist(tx, roles);
    const [created] = await tx
      .insert(users)
      .values({ username, employeeId, displayName, passwordHash, mustChangePassword: input.mustChangePassword ?? true })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    if (roles.length) await tx.insert(userRoles).values(roles.map((grant) => ({ userId: created.id, ...grant })));
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: created.id,
      after: { username, employeeId, displayName, roles },
      scopeUnitId,
    });
    return created;
  });
}

async function loadManagedUser(executor: Executor, ctx: RequestContext, userId: string) {
  const actor = requireActor(ctx);
  const [row] = await executor
    .select({ user: users, unitId: employees.unitId })
    .from(users)
    .leftJoin(employees, eq(employees.id, users.employeeId))
    .where(eq(users.id, userId));
  if (!row) throw notFound('Akun');
  if (!hasRole(actor, 'admin_bkpsdm')) {
    const grants = await executor.select().from(userRoles).where(eq(userRoles.userId, userId));
    // An admin OPD manages plain employee accounts of their units, never other administrators.
    if (!row.user.employeeId || grants.length > 0) throw notFound('Akun');
    assertCanManageUnit(actor, row.unitId);
  }
  return row;
}

export async function listUsers(db: Database, ctx: RequestContext, query: z.infer<typeof userQuery>) {
  const actor = requireActor(ctx);
  const filters: SQL[] = [];
  if (!hasRole(actor, 'admin_bkpsdm')) {
    if (actor.adminUnitIds.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    filters.push(inArray(employees.unitId, actor.adminUnitIds));
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    const match = or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(employees.nip, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({ user: users, nip: employees.nip })
    .from(users)
    .leftJoin(employees, eq(employees.id, users.employeeId))
    .where(where)
    .orderBy(users.displayName)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ value: count() }).from(users).leftJoin(employees, eq(employees.id, users.employeeId)).where(where);
  const grants = rows.length
    ? await db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((row) => row.user.id)))
    : [];
  return {
    items: rows.map(({ user, nip }) => ({
      id: user.id,
      username: user.username,
      employeeId: user.employeeId,
      nip,
      displayName: user.displayName,
      isActive: user.isActive,
      mustChangePassword: user.mustChangePassword,
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      roles: grants.filter((grant) => grant.userId === user.id).map((grant) => ({ role: grant.role, unitId: grant.unitId })),
    })),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function updateUser(
  db: Database,
  sessions: SessionStore,
  ctx: RequestContext,
  userId: string,
  input: z.infer<typeof updateUserRequest>,
) {
  const actor = requireActor(ctx);
  if (input.roles && !hasRole(actor, 'admin_bkpsdm')) throw forbidden('Hanya admin BKPSDM yang dapat mengubah peran');
  if (userId === actor.userId && input.isActive === false) throw invalid('Anda tidak dapat menonaktifkan akun sendiri');
  await db.transaction(async (tx) => {
    const { user, unitId } = await loadManagedUser(tx, ctx, userId);
    const beforeRoles = await tx.select({ role: userRoles.role, unitId: userRoles.unitId }).from(userRoles).where(eq(userRoles.userId, userId));
    const changes: Partial<typeof users.$inferInsert> = { updatedAt: ctx.clock.now() };
    if (input.isActive !== undefined) changes.isActive = input.isActive;
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    await tx.update(users).set(changes).where(eq(users.id, userId));
    if (input.roles) {
      await assertUnitsExist(tx, input.roles);
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((grant) => ({ userId, ...grant })));
    }
    if (input.isActive === false) await sessions.destroyAllForUser(tx, userId);
    await recordAudit(tx, ctx, {
      action: input.isActive === false ? 'deactivate' : 'update',
      entityType: 'user',
      entityId: userId,
      before: { isActive: user.isActive, displayName: user.displayName, roles: beforeRoles },
      after: { isActive: input.isActive ?? user.isActive, displayName: input.displayName ?? user.displayName, roles: input.roles ?? beforeRoles },
      scopeUnitId: unitId,
    });
  });
}

/** Sets a new password chosen by an administrator; the user must change it at next login. Also unlocks. */
export async function resetPassword(db: Database, sessions: SessionStore, ctx: RequestContext, userId: string, password: string) {
  const weakness = checkPasswordStrength(password);
  if (weakness) throw invalid(weakness, { field: 'password' });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const { unitId } = await loadManagedUser(tx, ctx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, updatedAt: ctx.clock.now() })
      .where(eq(users.id, userId));
    await sessions.destroyAllForUser(tx, userId);
    await recordAudit(tx, ctx, { action: 'reset_password', entityType: 'user', entityId: userId, scopeUnitId: unitId });
  });
}
