import type { Executor } from '../../../db/client';
import { findHoldersOnDate } from '../../org/assignments.repository';
import { findUnitHeadPosition } from '../../skp/skp-evaluation.repository';
import { findAllUnits, periodBounds } from '../runs/tpp-sources.repository';
import type { PayrollSigners } from './payroll-pdf';

/**
 * Who signs a unit's payment list: the holder of its head post on the month's last day (definitif
 * before Plt/Plh, as the org module orders holders), and the day of printing. The treasurer's line
 * is left for a name written by hand: the system does not record the bendahara.
 */
export async function findPayrollSigners(executor: Executor, unitId: string, period: string, today: string): Promise<PayrollSigners> {
  const unit = (await findAllUnits(executor)).get(unitId);
  const unitName = unit?.name ?? 'unit';
  const post = await findUnitHeadPosition(executor, unitId);
  if (!post) return { unitName, head: null, date: today };
  const [holder] = await findHoldersOnDate(executor, [post.id], periodBounds(period).to);
  const acting = holder && holder.kind !== 'definitif' ? `${holder.kind === 'plh' ? 'Plh.' : 'Plt.'} ` : '';
  return { unitName, head: holder ? { positionName: `${acting}${post.name}`, name: holder.fullName, nip: holder.nip } : null, date: today };
}
