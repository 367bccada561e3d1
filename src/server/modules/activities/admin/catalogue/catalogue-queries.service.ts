import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { catalogueListQuery } from '../../../../../contracts/activities-admin';
import type { Executor } from '../../../../db/client';
import { activityCatalogueItems } from '../../../../db/schema';
import { notFound } from '../../../../platform/errors';
import { findCatalogueItemPage, findCatalogueItemView, findCatalogueVersions, type CatalogueItemView } from './catalogue.repository';

/**
 * The catalogue is public to everyone signed in (an employee chooses from it; admins OPD read the
 * general activities and the other OPDs' for reference), so reads take no unit scope and no
 * caller: the route admits every signed-in user.
 */
export async function listCatalogueItems(executor: Executor, query: z.infer<typeof catalogueListQuery>) {
  return findCatalogueItemPage(executor, query);
}

export async function getCatalogueItem(executor: Executor, id: string): Promise<CatalogueItemView> {
  const item = await findCatalogueItemView(executor, id);
  if (!item) throw notFound('Kegiatan');
  return item;
}

/** Newest version first: what the activity was, and from which day, for every version. */
export async function listCatalogueVersions(executor: Executor, id: string) {
  const [item] = await executor.select({ id: activityCatalogueItems.id, code: activityCatalogueItems.code }).from(activityCatalogueItems).where(eq(activityCatalogueItems.id, id));
  if (!item) throw notFound('Kegiatan');
  return { itemId: item.id, code: item.code, items: await findCatalogueVersions(executor, id) };
}
