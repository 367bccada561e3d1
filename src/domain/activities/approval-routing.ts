/**
 * Who decides an activity entry (issue 4 §3). Pure: the caller resolves the superior chain of the
 * employee on the work date (vacant seats already skipped by the superior rule of
 * src/domain/org/hierarchy.ts) and tells who is away today and who acts for whom.
 *
 * Rule, in order:
 * 1. the direct superior of record on the work date decides; when their seat was vacant the
 *    superior rule has already gone up to the next superior (reported as `next_superior_vacant`);
 * 2. a decider on approved leave or duty today hands over to the acting official of their seat
 *    (Plt/Plh, the first one not away), else to the next superior up — repeated up the chain;
 * 3. when everybody up the chain is away, the first superior who is not the employee still decides
 *    (being away does not take the right away; it only moves the queue);
 * 4. once the approval deadline has passed, the next superior above the decider may decide too.
 * The employee never decides their own entry.
 */
export interface ChainLink {
  employeeId: string;
  /** Plt/Plh holders of this superior's seat today, in precedence order (empty when none or no seat). */
  actingEmployeeIds: readonly string[];
  /** Vacant seats were passed to reach this link (only meaningful for the first link). */
  hasSkippedVacancy: boolean;
}

export interface ApprovalRoutingInput {
  employeeId: string;
  /** Superiors up from the employee, nearest first, as of the work date. */
  chain: readonly ChainLink[];
  /** People on approved leave or duty today. */
  awayEmployeeIds: ReadonlySet<string>;
  isApprovalOverdue: boolean;
}

export type ApproverVia = 'superior' | 'next_superior_vacant' | 'acting_official' | 'next_superior_away' | 'superior_away' | 'next_superior_overdue';

export interface Decider {
  employeeId: string;
  via: ApproverVia;
}

export interface ApprovalRouting {
  /** The superior of record on the work date (first link), null at the top of the tree. */
  superiorOfRecordId: string | null;
  /** Everybody who may decide now, the routed approver first. Empty when nobody can. */
  deciders: Decider[];
}

export function routeEntryApproval(input: ApprovalRoutingInput): ApprovalRouting {
  const { employeeId, awayEmployeeIds } = input;
  const chain = input.chain.filter((link) => link.employeeId !== employeeId);
  const first = chain[0];
  if (!first) return { superiorOfRecordId: null, deciders: [] };

  const isAvailable = (id: string) => id !== employeeId && !awayEmployeeIds.has(id);
  let approver: Decider | null = null;
  let approverIndex = 0;
  for (const [index, link] of chain.entries()) {
    if (isAvailable(link.employeeId)) {
      const via: ApproverVia = index > 0 ? 'next_superior_away' : link.hasSkippedVacancy ? 'next_superior_vacant' : 'superior';
      approver = { employeeId: link.employeeId, via };
      approverIndex = index;
      break;
    }
    const acting = link.actingEmployeeIds.find((id) => id !== link.employeeId && isAvailable(id));
    if (acting) {
      approver = { employeeId: acting, via: 'acting_official' };
      approverIndex = index;
      break;
    }
  }
  if (!approver) {
    approver = { employeeId: first.employeeId, via: 'superior_away' };
    approverIndex = 0;
  }

  const deciders: Decider[] = [approver];
  if (input.isApprovalOverdue) {
    const above = chain.slice(approverIndex + 1).find((link) => link.employeeId !== approver.employeeId);
    if (above) deciders.push({ employeeId: above.employeeId, via: 'next_superior_overdue' });
  }
  return { superiorOfRecordId: first.employeeId, deciders };
}

export const canDecide = (routing: ApprovalRouting, employeeId: string): boolean => routing.deciders.some((decider) => decider.employeeId === employeeId);
