import { timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at of every mutable table (instants, set by the app's clock on writes). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
