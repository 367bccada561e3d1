import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { positions } from '../../db/schema';
import { systemContext } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { createAssessorDesignation } from './skp-assessor-designations.service';
import { findDesignationsOfPosition } from './skp-assessor-designations.repository';
import { findRegionZone } from '../../platform/region-zone';

/** The fictional regent of the demo regency (Kabupaten Contoh), who assesses the Sekda. */
export const DEMO_KEPALA_DAERAH = {
  officialName: 'H. Ahmad Suryadi, S.E., M.M.',
  officialTitle: 'Bupati Contoh',
  // The regional heads elected in 2024 were inaugurated on 20 February 2025.
  startDate: '2025-02-20',
} as const;

/**
 * PermenPANRB 6/2022: the Sekda's pejabat penilai is the kepala daerah. In the demo the Sekda's
 * position is the only top of the tree; designating the regent there gives every demo employee an
 * assessor (the heads of OPD have the Sekda). Idempotent, its own transaction.
 */
export async function seedDemoSkpAssessors(db: Database, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const tops = await tx.select({ id: positions.id }).from(positions).where(and(isNull(positions.superiorPositionId), eq(positions.isActive, true)));
    for (const top of tops) {
      if ((await findDesignationsOfPosition(tx, top.id)).length > 0) continue;
      await createAssessorDesignation(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), {
        positionId: top.id,
        kind: 'kepala_daerah',
        assessorEmployeeId: null,
        ...DEMO_KEPALA_DAERAH,
        endDate: null,
        reason: 'PermenPANRB 6/2022: pejabat penilai kinerja Sekretaris Daerah adalah kepala daerah (data demo)',
      });
    }
  });
}
