import type { RequestContext } from '../../../platform/actor';
import { canManageTppUnit } from '../tpp-access';

/**
 * Whether the caller may see an employee's whole account number: only those who maintain it (admin
 * BKPSDM, the admin OPD of the employee's unit) and trusted system callers. Pimpinan and auditors read
 * TPP regency-wide but pay nobody, so least privilege gives them the masked number.
 */
export const canSeeAccountNumber = (ctx: RequestContext, unitId: string | null): boolean => canManageTppUnit(ctx, unitId);
