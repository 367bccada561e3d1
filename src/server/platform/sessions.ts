import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { appSettings, sessions } from '../db/schema';
import type { Database, Executor } from '../db/client';

export const SESSION_COOKIE = 'ekinerja_session';

/**
 * The secret keying session-token hashes. From SESSION_SECRET when set; otherwise generated once
 * and kept in the database, so that every app process on the same database agrees.
 */
export async function resolveSessionSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(32).toString('base64url');
  await db.insert(appSettings).values({ key: 'session_secret', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'session_secret'));
  if (!row) throw new Error('session secret missing after insert');
  return row.value;
}

export class SessionStore {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  hashToken(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64url');
  }

  async create(executor: Executor, input: { userId: string; now: Date; ip: string | null; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(input.now.getTime() + this.ttlMs);
    await executor.insert(sessions).values({
      tokenHash: this.hashToken(token),
      userId: input.userId,
      csrfToken,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  /** A live session for the cookie token, sliding its expiry forward at most once a minute. */
  async find(executor: Executor, token: string, now: Date) {
    const tokenHash = this.hashToken(token);
    const [row] = await executor
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    if (!row) return null;
    if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
      await executor
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + this.ttlMs) })
        .where(eq(sessions.tokenHash, tokenHash));
    }
    return row;
  }

  async destroy(executor: Executor, token: string) {
    await executor.delete(sessions).where(eq(sessions.tokenHash, this.hashToken(token)));
  }

  async destroyAllForUser(executor: Executor, userId: string, exceptToken?: string) {
    const rows = await executor.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
    const keep = exceptToken ? this.hashToken(exceptToken) : null;
    for (const row of rows) {
      if (row.tokenHash !== keep) await executor.delete(sessions).where(eq(sessions.tokenHash, row.tokenHash));
    }
  }

  async purgeExpired(executor: Executor, now: Date) {
    await executor.delete(sessions).where(lt(sessions.expiresAt, now));
  }
}
