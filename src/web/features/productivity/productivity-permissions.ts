import type { Role } from '../../../contracts/roles';
import { canReadUnitAttendance, hasOwnAttendance } from '../../auth/permissions';

/** Productivity is read by employees (their own, and superiors their subordinates') and by unit readers. */
export const canReadProductivity = (roles: readonly Role[]) => hasOwnAttendance(roles) || canReadUnitAttendance(roles);
