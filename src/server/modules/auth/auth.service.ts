import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { employees, loginAttempts, users } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { AppError, invalid } from '../../platform/errors';
import { checkPasswordStrength, getDummyHash, hashPassword, verifyPassword } from '../../platform/passwords';
import type { SessionStore } from '../../platform/sessions';

export interface LoginPolicy {
  maxFailures: number;
  lockoutMinutes: number;
  /** Failed attempts from one address within the lockout window before it is throttled. */
  maxFailuresPerIp: number;
}

interface AuthDeps {
  db: Database;
  sessions: SessionStore;
  policy: LoginPolicy;
}

const LOGIN_FAILED_MESSAGE = 'NIP/nama pengguna atau kata sandi salah';

async function findUserByLogin(db: Database, login: string) {
  const trimmed = login.trim();
  if (/^[0-9]{18}$/.test(trimmed)) {
    const [row] = await db
      .select({ user: users })
      .from(users)
      .innerJoin(employees, eq(employees.id, users.employeeId))
      .where(eq(employees.nip, trimmed));
    return row?.user ?? null;
  }
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${trimmed})`);
  return row ?? null;
}

export async function login(
  deps: AuthDeps,
  ctx: RequestContext,
  input: { login: string; password: string; userAgent: string | null },
) {
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - deps.policy.lockoutMinutes * 60_000);
  const ip = ctx.ip ?? 'unknown';

  const [recent] = await deps.db
    .select({ value: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, windowStart)));
  if ((recent?.value ?? 0) >= deps.policy.maxFailuresPerIp) {
    throw new AppError('TOO_MANY_REQUESTS', 'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi beberapa menit lagi.');
  }

  const user = await findUserByLogin(deps.db, input.login);
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.', {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }

  const isPasswordValid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await getDummyHash(), input.password), false);

  if (!user || !isPasswordValid || !user.isActive) {
    await deps.db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ ip, login: input.login.slice(0, 100), at: now });
      if (user) {
        const failures = user.failedLoginCount + 1;
        const isNowLocked = failures >= deps.policy.maxFailures;
        await tx
          .update(users)
          .set({
            failedLoginCount: isNowLocked ? 0 : failures,
            lockedUntil: isNowLocked ? new Date(now.getTime() + deps.policy.lockoutMinutes * 60_000) : user.lockedUntil,
          })
          .where(eq(users.id, user.id));
        if (isNowLocked) {
          await recordAudit(tx, { ...ctx, systemLabel: 'sistem' }, {
            action: 'lock',
            entityType: 'user',
            entityId: user.id,
            after: { reason: 'terlalu banyak percobaan masuk gagal', failures },
          });
        }
      }
    });
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
  }

  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await deps.sessions.create(tx, { userId: user.id, now, ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(tx, { ...ctx, systemLabel: user.username ?? input.login }, {
      action: 'login',
      entityType: 'user',
      entityId: user.id,
    });
    return { ...session, userId: user.id };
  });
}

export async function changePassword(
  deps: AuthDeps,
  ctx: RequestContext,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionToken: string },
) {
  const [user] = await deps.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sesi tidak valid');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid('Kata sandi saat ini salah', { field: 'currentPassword' });
  }
  const weakness = checkPasswordStrength(input.newPassword);
  if (weakness) throw invalid(weakness, { field: 'newPassword' });
  if (input.newPassword === input.currentPassword) {
    throw invalid('Kata sandi baru harus berbeda dari yang lama', { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await deps.sessions.destroyAllForUser(tx, user.id, input.keepSessionToken);
    await recordAudit(tx, ctx, { action: 'change_password', entityType: 'user', entityId: user.id });
  });
}

export async function logout(deps: AuthDeps, ctx: RequestContext, token: string) {
  await deps.db.transaction(async (tx) => {
    await deps.sessions.destroy(tx, token);
    if (ctx.actor) await recordAudit(tx, ctx, { action: 'logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}
