import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';

/** All unit ids in the subtrees rooted at `rootIds` (roots included). */
export async function findUnitSubtreeIds(executor: Executor, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(executor, sql`
    with recursive tree as (
      select id from units where id in (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id from tree`);
  return rows.map((row) => row.id);
}

/** Ancestors of a unit, nearest first (the unit itself excluded). */
export async function findUnitAncestorIds(executor: Executor, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string; depth: number }>(executor, sql`
    with recursive up as (
      select parent_id as id, 1 as depth from units where id = ${unitId}::uuid
      union all
      select u.parent_id, up.depth + 1 from units u join up on u.id = up.id where up.depth < 64
    )
    select id, depth from up where id is not null order by depth`);
  return rows.map((row) => row.id);
}

/**
 * The unit and every ancestor as (id, parentId) rows, for cycle checks. `union` (not `union all`)
 * makes the walk stop even on a tree that already loops.
 */
export async function findUnitParentChain(executor: Executor, unitId: string): Promise<{ id: string; parentId: string | null }[]> {
  return queryRows<{ id: string; parentId: string | null }>(executor, sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${unitId}::uuid
      union
      select u.id, u.parent_id from units u join up on u.id = up.parent_id
    )
    select id, parent_id as "parentId" from up`);
}
