// Column helpers shared by every table definition.
import { timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at, both timestamptz in UTC. */
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const instant = (name: string) => timestamp(name, { withTimezone: true });
