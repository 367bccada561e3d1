import { sql, type SQL } from 'drizzle-orm';
import { coalesce } from '../../db/coalesce';
import { toArrayLiteral } from '../../db/sql-arrays';
import type { Executor } from '../../db/client';
import type { Actor, Role } from '../../platform/actor';
import { findUnitSubtreeIds } from '../org/unit-tree.repository';

/**
 * "Someone reports to this employee on `date`": a position they hold (definitif or acting) is the
 * superior position of another active position, or an override names them. SQL over the employee
 * id column `employeeColumn`, so the check can run inside the actor query.
 */
const hasSubordinatesSql = (employeeColumn: SQL, date: SQL) => sql`exists (
  select 1 from assignments a
  join positions p on p.superior_position_id = a.position_id and p.is_active
  where a.employee_id = ${employeeColumn}
    and a.start_date <= ${date} and (a.end_date is null or a.end_date >= ${date})
  union all
  select 1 from superior_overrides o
  where o.superior_employee_id = ${employeeColumn}
    and o.start_date <= ${date} and (o.end_date is null or o.end_date >= ${date})
)`;

/**
 * "BKPSDM designated this employee pejabat penilai of a position, in force on `date`" (SKP,
 * ADR 0011): such an assessor may have nobody below them in the tree and still reviews SKPs.
 */
const holdsSkpDesignationSql = (employeeColumn: SQL, date: SQL) => sql`exists (
  select 1 from skp_assessor_designations d
  where d.assessor_employee_id = ${employeeColumn}
    and d.start_date <= ${date} and (d.end_date is null or d.end_date >= ${date})
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
  holds_skp_designation: boolean;
}

/** The account's columns, its grants, the derived atasan role and whether they assess SKPs on `today`, over `users u left join employees e`. */
const actorColumns = (today: SQL) => ({
  id: sql<string>`u.id`,
  username: sql<string | null>`u.username`,
  display_name: sql<string>`u.display_name`,
  employee_id: sql<string | null>`u.employee_id`,
  is_active: sql<boolean>`u.is_active`,
  must_change_password: sql<boolean>`u.must_change_password`,
  nip: sql<string | null>`e.nip`,
  employee_active: sql<boolean | null>`e.is_active`,
  grants: sql<ActorRow['grants']>`coalesce((select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id)) from user_roles r where r.user_id = u.id), '[]'::json)`,
  has_subordinates: sql<boolean>`(u.employee_id is not null and ${hasSubordinatesSql(sql`u.employee_id`, today)})`,
  holds_skp_designation: sql<boolean>`(u.employee_id is not null and ${holdsSkpDesignationSql(sql`u.employee_id`, today)})`,
});

/** The actor of a row read with actorColumnsSql; null for an inactive account or employee. */
async function toActor(executor: Executor, user: ActorRow | undefined): Promise<Actor | null> {
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
    // Not a role: 'atasan' keeps meaning "has subordinates" for activities and attendance.
    assessesSkp: user.employee_id !== null && (user.has_subordinates || user.holds_skp_designation),
  };
}

/** The actor of a request: one query for the account, its grants and the derived atasan role. */
export async function loadActor(executor: Executor, userId: string, today: string): Promise<Actor | null> {
  const [user] = await executor
    .select(actorColumns(sql`${today}::date`))
    .from(sql`users u left join employees e on e.id = u.employee_id`)
    .where(sql`u.id = ${userId}::uuid`);
  return toActor(executor, user);
}

/** A live session (by token hash) with what the request needs of it. */
export interface SessionOfActor {
  csrfToken: string;
  lastSeenAt: Date;
}

/**
 * The session-and-actor statement over arrays (one element per request, coalesced): each token
 * hash with the instant and the date of its request. Built once per executor and prepared once per
 * connection (named). Each session is looked up in a lateral subquery, an index lookup per token
 * whatever the planner thinks of the array's length.
 */
function buildSessionActorQuery(executor: Executor) {
  const columns = Object.entries(actorColumns(sql`q.today`)).map(([name, value]) => sql`${value} as ${sql.identifier(name)}`);
  const found = sql`select s.csrf_token, (extract(epoch from s.last_seen_at) * 1000)::float8 as last_seen_ms, ${sql.join(columns, sql`, `)}
    from sessions s join users u on u.id = s.user_id left join employees e on e.id = u.employee_id
    where s.token_hash = q.token_hash and s.expires_at > q.now_at`;
  // The lateral subquery's columns, named as it names them: the session's two and the actor's.
  const names = ['csrf_token', 'last_seen_ms', ...Object.keys(actorColumns(sql`q.today`))];
  const selected = Object.fromEntries(names.map((name) => [name, sql`x.${sql.identifier(name)}`]));
  return executor
    .select({ position: sql<number>`q.n::int`, ...selected })
    .from(
      sql`unnest(${sql.placeholder('tokenHashes')}::text[], ${sql.placeholder('nows')}::timestamptz[], ${sql.placeholder('todays')}::date[]) with ordinality as q(token_hash, now_at, today, n)
        cross join lateral (${found}) x`,
    )
    .prepare('session_actors');
}
const sessionActorQueries = new WeakMap<Executor, (request: SessionActorRequest) => Promise<SessionActorRow | undefined>>();

interface SessionActorRequest {
  tokenHash: string;
  now: Date;
  today: string;
}
type SessionActorRow = ActorRow & { csrf_token: string; last_seen_ms: number };

/** Requests of the same moment answered by one statement (coalesce): one round trip for a busy server's sessions. */
function sessionActorReader(executor: Executor) {
  const existing = sessionActorQueries.get(executor);
  if (existing) return existing;
  const query = buildSessionActorQuery(executor);
  const reader = coalesce<SessionActorRequest, SessionActorRow | undefined>(async (requests) => {
    const rows = (await query.execute({
      tokenHashes: toArrayLiteral(requests.map((request) => request.tokenHash)),
      nows: toArrayLiteral(requests.map((request) => request.now.toISOString())),
      todays: toArrayLiteral(requests.map((request) => request.today)),
    })) as (SessionActorRow & { position: number })[];
    const answers: (SessionActorRow | undefined)[] = requests.map(() => undefined);
    for (const row of rows) answers[row.position - 1] = row;
    return answers;
  });
  sessionActorQueries.set(executor, reader);
  return reader;
}

/**
 * The live session of a token hash and its actor in one statement (the request's only round trip
 * before its own work, except an admin OPD's unit subtree); the sessions of requests arriving
 * together are read by the same statement. null: no live session; `actor` null: the session's
 * account or employee is inactive.
 */
export async function loadSessionActor(executor: Executor, tokenHash: string, now: Date, today: string): Promise<{ session: SessionOfActor; actor: Actor | null } | null> {
  const row = await sessionActorReader(executor)({ tokenHash, now, today });
  if (!row) return null;
  return { session: { csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_ms) }, actor: await toActor(executor, row) };
}
