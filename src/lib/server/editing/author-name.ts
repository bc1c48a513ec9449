import { sql } from 'drizzle-orm';
import { users } from '../db/schema';

/** A user's display name in back-office lists (name, else e-mail); select it with a join on users. */
export const authorName = sql<string>`coalesce(${users.name}, ${users.email}, 'Unbekannt')`;
