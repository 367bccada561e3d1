import type { Me } from '../../../contracts/auth';
import type { Role } from '../../../contracts/roles';
import { hasOwnAttendance } from '../../auth/permissions';

/**
 * Who sees which SKP page. The server checks every action again (the assessor of record, the
 * owner, the unit scope); these only decide what the navigation offers.
 */
const hasAny = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

/** My SKP: every account linked to an employee (pegawai; superiors are employees too). */
export const hasOwnSkp = hasOwnAttendance;
/**
 * Subordinates' SKPs: approving plans, feedback, ratings, unit predikat, the distribution advisor.
 * A session fact, not the 'atasan' role: an employee BKPSDM designated pejabat penilai may have no subordinates.
 */
export const canReviewSkp = (_roles: readonly Role[], session: Pick<Me, 'assessesSkp'>) => session.assessesSkp;
/** An OPD's SKP overview and exports: admin OPD in their units, BKPSDM, leaders and auditors. */
export const canReadUnitSkp = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
/** The cascade tree: of my own SKP (employees) or of a unit (unit readers). */
export const canSeeSkpCascade = (roles: readonly Role[]) => hasOwnSkp(roles) || canReadUnitSkp(roles);
