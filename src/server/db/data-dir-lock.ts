import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite does not stop a second process from opening the same directory, and two writers
 * corrupt it. We hold an exclusive lock (proper-lockfile: an atomic mkdir) for as long as the
 * database is open, and record the owner's PID beside it.
 * A lock whose owner has died is recovered at once when the recorded PID no longer runs a Node.js
 * process on this host. The mtime heartbeat is only a last resort (stale after an hour): PGlite
 * runs its WASM on the main thread, so a long statement (the demo seed) can delay the heartbeat by
 * many seconds, and a short stale threshold would wrongly declare a live lock compromised.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `Direktori data ${dataDir} sedang dipakai oleh proses lain` +
        (ownerPid ? ` (PID ${ownerPid})` : '') +
        '. Hentikan server e-Kinerja yang sedang berjalan, atau pakai DATA_DIR lain / DATABASE_URL. ' +
        `(The data directory is locked by another process${ownerPid ? ` (PID ${ownerPid})` : ''}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

// Beside the lock directory, not inside it: proper-lockfile removes a stale lock with rmdir.
const ownerFile = (lockPath: string) => `${lockPath}.owner.json`;

function readOwnerPid(lockPath: string): number | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(ownerFile(lockPath), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      return parsed.pid;
    }
  } catch {
    // owner file not yet written or unreadable: treat as unknown owner
  }
  return null;
}

function isNodeProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // After a reboot the PID may belong to an unrelated program: that one holds no lock.
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'ekinerja.lock');
  const options = { lockfilePath: lockPath, stale: 3_600_000, update: 60_000, realpath: false } as const;

  const tryLock = () =>
    lockfile.lock(dataDir, {
      ...options,
      onCompromised: (error) => {
        // Losing the lock means another process may be writing: stop rather than corrupt.
        console.error(`Kunci direktori data hilang: ${error.message}`);
        process.exit(70);
      },
    });

  let release: () => Promise<void>;
  try {
    release = await tryLock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const ownerPid = readOwnerPid(lockPath);
    const isOwnerGone = ownerPid !== null && ownerPid !== process.pid && !isNodeProcessAlive(ownerPid);
    if (!isOwnerGone) throw new DataDirLockedError(dataDir, ownerPid);
    fs.rmSync(lockPath, { recursive: true, force: true });
    fs.rmSync(ownerFile(lockPath), { force: true });
    try {
      release = await tryLock();
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new DataDirLockedError(dataDir, readOwnerPid(lockPath));
      }
      throw retryError;
    }
  }
  fs.writeFileSync(ownerFile(lockPath), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  return {
    release: async () => {
      try {
        fs.rmSync(ownerFile(lockPath), { force: true });
        await release();
      } catch {
        // already released or compromised: nothing left to undo
      }
    },
  };
}
