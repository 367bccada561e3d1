import { describe, expect, it } from 'vitest';
import { canDecide, routeEntryApproval, type ChainLink } from '../../../src/domain/activities/approval-routing';

const link = (employeeId: string, options: Partial<ChainLink> = {}): ChainLink => ({ employeeId, actingEmployeeIds: [], hasSkippedVacancy: false, ...options });

describe('routeEntryApproval', () => {
  it.each([
    {
      name: 'the direct superior decides',
      chain: [link('S1'), link('S2')],
      away: [],
      overdue: false,
      deciders: [{ employeeId: 'S1', via: 'superior' }],
    },
    {
      name: 'a vacant seat was skipped: the next superior up decides',
      chain: [link('S2', { hasSkippedVacancy: true }), link('S3')],
      away: [],
      overdue: false,
      deciders: [{ employeeId: 'S2', via: 'next_superior_vacant' }],
    },
    {
      name: 'superior on leave with a Plh: the acting official decides',
      chain: [link('S1', { actingEmployeeIds: ['P1'] }), link('S2')],
      away: ['S1'],
      overdue: false,
      deciders: [{ employeeId: 'P1', via: 'acting_official' }],
    },
    {
      name: 'superior on leave, the Plh away too: the next superior up',
      chain: [link('S1', { actingEmployeeIds: ['P1'] }), link('S2')],
      away: ['S1', 'P1'],
      overdue: false,
      deciders: [{ employeeId: 'S2', via: 'next_superior_away' }],
    },
    {
      name: 'superior on leave without an acting official: the next superior up',
      chain: [link('S1'), link('S2'), link('S3')],
      away: ['S1'],
      overdue: false,
      deciders: [{ employeeId: 'S2', via: 'next_superior_away' }],
    },
    {
      name: 'two levels away: the acting official of the second',
      chain: [link('S1'), link('S2', { actingEmployeeIds: ['P2'] }), link('S3')],
      away: ['S1', 'S2'],
      overdue: false,
      deciders: [{ employeeId: 'P2', via: 'acting_official' }],
    },
    {
      name: 'the employee is the Plh of their own superior: never decides their own entry',
      chain: [link('S1', { actingEmployeeIds: ['E'] }), link('S2')],
      away: ['S1'],
      overdue: false,
      deciders: [{ employeeId: 'S2', via: 'next_superior_away' }],
    },
    {
      name: 'everybody away: the superior of record keeps the queue',
      chain: [link('S1'), link('S2')],
      away: ['S1', 'S2'],
      overdue: false,
      deciders: [{ employeeId: 'S1', via: 'superior_away' }],
    },
    {
      name: 'deadline passed: the next superior up may decide too',
      chain: [link('S1'), link('S2'), link('S3')],
      away: [],
      overdue: true,
      deciders: [
        { employeeId: 'S1', via: 'superior' },
        { employeeId: 'S2', via: 'next_superior_overdue' },
      ],
    },
    {
      name: 'deadline passed while the acting official holds the queue: the superior above the absent one',
      chain: [link('S1', { actingEmployeeIds: ['P1'] }), link('S2')],
      away: ['S1'],
      overdue: true,
      deciders: [
        { employeeId: 'P1', via: 'acting_official' },
        { employeeId: 'S2', via: 'next_superior_overdue' },
      ],
    },
    {
      name: 'deadline passed at the top of the tree: nobody above',
      chain: [link('S1')],
      away: [],
      overdue: true,
      deciders: [{ employeeId: 'S1', via: 'superior' }],
    },
    {
      name: 'no superior at all',
      chain: [],
      away: [],
      overdue: true,
      deciders: [],
    },
  ])('$name', ({ chain, away, overdue, deciders }) => {
    const routing = routeEntryApproval({ employeeId: 'E', chain, awayEmployeeIds: new Set(away), isApprovalOverdue: overdue });
    expect(routing.deciders).toEqual(deciders);
    expect(routing.superiorOfRecordId).toBe(chain[0]?.employeeId ?? null);
  });

  it('only a decider can decide', () => {
    const routing = routeEntryApproval({ employeeId: 'E', chain: [link('S1'), link('S2')], awayEmployeeIds: new Set(), isApprovalOverdue: false });
    expect(canDecide(routing, 'S1')).toBe(true);
    expect(canDecide(routing, 'S2')).toBe(false);
    expect(canDecide(routing, 'E')).toBe(false);
  });
});
