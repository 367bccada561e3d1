import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite does not stop a second process from opening the same directory, and two writers
 * corrupt it. We hold an exclusive lock for as long as the database is open.
 * A lock whose owner has died is recovered: either proper-lockfile sees it stale (mtime no
 * longer refreshed) or the recorded PID no longer runs on this host.
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

const ownerFile = (lockPath: string) => path.join(lockPath, 'owner.json');

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

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'ekinerja.lock');
  const options = { lockfilePath: lockPath, stale: 15_000, update: 5_000, realpath: false } as const;

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
    const isOwnerGone = ownerPid !== null && ownerPid !== process.pid && !isProcessAlive(ownerPid);
    if (!isOwnerGone) throw new DataDirLockedError(dataDir, ownerPid);
    fs.rmSync(lockPath, { recursive: true, force: true });
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
