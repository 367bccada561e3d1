import type { Executor } from '../../../db/client';
import { findHoldersOnDate } from '../../org/assignments.repository';
import { findUnitHeadPosition } from '../../skp/skp-evaluation.repository';
import { findTreasurerOn } from '../records/tpp-treasurers.service';
import { findAllUnits, periodBounds } from '../runs/tpp-sources.repository';
import type { PayrollSigners } from './payroll-pdf';

/**
 * Who signs a unit's payment list, as of the month's last day: the holder of its head post (definitif
 * before Plt/Plh, as the org module orders holders) and the treasurer recorded for the unit or the
 * nearest unit above it up to its OPD; and the day of printing.
 */
export async function findPayrollSigners(executor: Executor, unitId: string, period: string, today: string): Promise<PayrollSigners> {
  const unitsById = await findAllUnits(executor);
  const unitName = unitsById.get(unitId)?.name ?? 'unit';
  const monthEnd = periodBounds(period).to;
  const [post, treasurer] = await Promise.all([findUnitHeadPosition(executor, unitId), findTreasurerOn(executor, unitsById, unitId, monthEnd)]);
  const [holder] = post ? await findHoldersOnDate(executor, [post.id], monthEnd) : [];
  const acting = holder && holder.kind !== 'definitif' ? `${holder.kind === 'plh' ? 'Plh.' : 'Plt.'} ` : '';
  return { unitName, head: post && holder ? { positionName: `${acting}${post.name}`, name: holder.fullName, nip: holder.nip } : null, treasurer, date: today };
}
