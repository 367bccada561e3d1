import { createHmac, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
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

  /**
   * Slides a live session's expiry forward (the session was read with its actor, see loadSessionActor),
   * at most once a minute: a write per request would cost a commit each.
   */
  async slideExpiry(executor: Executor, tokenHash: string, lastSeenAt: Date, now: Date) {
    if (now.getTime() - lastSeenAt.getTime() <= 60_000) return;
    await executor
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + this.ttlMs) })
      .where(eq(sessions.tokenHash, tokenHash));
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
