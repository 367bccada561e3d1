import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { Actor, Role } from '../../platform/actor';
import { findUnitSubtreeIds } from '../org/unit-tree.repository';

/**
 * "Someone reports to this employee on `date`": a position they hold (definitif or acting) is the
 * superior position of another active position, or an override names them. SQL over the employee
 * id column `employeeColumn`, so the check can run inside the actor query.
 */
const hasSubordinatesSql = (employeeColumn: SQL, date: string) => sql`exists (
  select 1 from assignments a
  join positions p on p.superior_position_id = a.position_id and p.is_active
  where a.employee_id = ${employeeColumn}
    and a.start_date <= ${date}::date and (a.end_date is null or a.end_date >= ${date}::date)
  union all
  select 1 from superior_overrides o
  where o.superior_employee_id = ${employeeColumn}
    and o.start_date <= ${date}::date and (o.end_date is null or o.end_date >= ${date}::date)
)`;

interface ActorRow {
  id: string;
  username: string | null;
  display_name: string;
  employee_id: string | null;
  is_active: boolean;
  must_change_password: boolean;
  nip: string | null;
  employee_active: boolean | null;
  grants: { role: Role; unitId: string | null }[] | string;
  has_subordinates: boolean;
}

/** The actor of a request: one query for the account, its grants and the derived atasan role. */
export async function loadActor(executor: Executor, userId: string, today: string): Promise<Actor | null> {
  const [user] = await queryRows<ActorRow>(
    executor,
    sql`select u.id, u.username, u.display_name, u.employee_id, u.is_active, u.must_change_password,
          e.nip, e.is_active as employee_active,
          coalesce((select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)) from user_roles r where r.user_id = u.id), '[]'::json) as grants,
          (u.employee_id is not null and ${hasSubordinatesSql(sql`u.employee_id`, today)}) as has_subordinates
        from users u left join employees e on e.id = u.employee_id
        where u.id = ${userId}::uuid`,
  );
  if (!user || !user.is_active) return null;
  if (user.employee_id && user.employee_active === false) return null;

  // Drivers differ in whether they parse json columns.
  const granted: { role: Role; unitId: string | null }[] = typeof user.grants === 'string' ? JSON.parse(user.grants) : user.grants;
  const roles = new Set<Role>(granted.map((row) => row.role));
  if (user.employee_id) {
    roles.add('pegawai');
    if (user.has_subordinates) roles.add('atasan');
  }
  const adminRoots = granted.flatMap((row) => (row.role === 'admin_opd' && row.unitId ? [row.unitId] : []));
  return {
    userId: user.id,
    displayName: user.display_name,
    username: user.username,
    employeeId: user.employee_id,
    nip: user.nip,
    roles: [...roles],
    adminUnitIds: await findUnitSubtreeIds(executor, adminRoots),
    mustChangePassword: user.must_change_password,
  };
}
