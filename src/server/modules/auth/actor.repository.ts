import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { employees, userRoles, users } from '../../db/schema';
import type { Actor, Role } from '../../platform/actor';
import { findUnitSubtreeIds } from '../org/unit-tree.repository';

/**
 * Does the employee have anyone reporting to them on `date`? True when a position they hold
 * (definitif or acting) is the superior position of another position, or an override names them.
 */
export async function hasSubordinates(executor: Executor, employeeId: string, date: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    executor,
    sql`select exists (
      select 1 from assignments a
      join positions p on p.superior_position_id = a.position_id and p.is_active
      where a.employee_id = ${employeeId}::uuid
        and a.start_date <= ${date}::date and (a.end_date is null or a.end_date >= ${date}::date)
      union all
      select 1 from superior_overrides o
      where o.superior_employee_id = ${employeeId}::uuid
        and o.start_date <= ${date}::date and (o.end_date is null or o.end_date >= ${date}::date)
    ) as found`,
  );
  return rows[0]?.found === true;
}

export async function loadActor(executor: Executor, userId: string, today: string): Promise<Actor | null> {
  const [user] = await executor
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      employeeId: users.employeeId,
      isActive: users.isActive,
      mustChangePassword: users.mustChangePassword,
      nip: employees.nip,
      employeeActive: employees.isActive,
    })
    .from(users)
    .leftJoin(employees, eq(employees.id, users.employeeId))
    .where(eq(users.id, userId));
  if (!user || !user.isActive) return null;
  if (user.employeeId && user.employeeActive === false) return null;

  const granted = await executor.select().from(userRoles).where(and(eq(userRoles.userId, userId)));
  const roles = new Set<Role>(granted.map((row) => row.role));
  if (user.employeeId) {
    roles.add('pegawai');
    if (await hasSubordinates(executor, user.employeeId, today)) roles.add('atasan');
  }
  const adminRoots = granted.flatMap((row) => (row.role === 'admin_opd' && row.unitId ? [row.unitId] : []));
  return {
    userId: user.id,
    displayName: user.displayName,
    username: user.username,
    employeeId: user.employeeId,
    nip: user.nip,
    roles: [...roles],
    adminUnitIds: await findUnitSubtreeIds(executor, adminRoots),
    mustChangePassword: user.mustChangePassword,
  };
}
