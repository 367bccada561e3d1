import { describe, expect, it } from 'vitest';
import { findOverlappingAppointment, isInOfficeOn, selectTreasurer, treasurerKindOf } from '../../../src/domain/tpp/treasurers';

const appointment = (id: string, unitId: string, startDate: string, endDate: string | null) => ({ id, unitId, startDate, endDate });

describe('treasurers', () => {
  it('is in office from the first to the last day, both included', () => {
    const march = appointment('a', 'opd', '2026-03-01', '2026-03-31');
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01'].map((date) => isInOfficeOn(march, date))).toEqual([false, true, true, false]);
    expect(isInOfficeOn(appointment('b', 'opd', '2026-03-01', null), '2099-12-31')).toBe(true);
  });

  it('finds an overlap on a shared day, not between a last day and the next first day, nor on another unit or the same appointment', () => {
    const existing = [appointment('a', 'opd', '2026-01-02', '2026-03-31'), appointment('b', 'upt', '2026-04-01', null)];
    expect(findOverlappingAppointment(existing, appointment('new', 'opd', '2026-03-31', null))?.id).toBe('a');
    expect(findOverlappingAppointment(existing, appointment('new', 'opd', '2025-01-01', '2026-01-02'))?.id).toBe('a');
    expect(findOverlappingAppointment(existing, appointment('new', 'opd', '2026-04-01', null))).toBeNull();
    expect(findOverlappingAppointment(existing, appointment('new', 'opd', '2025-01-01', '2026-01-01'))).toBeNull();
    expect(findOverlappingAppointment(existing, appointment('a', 'opd', '2026-01-02', null))).toBeNull();
    // Open-ended on both sides meets any later start.
    expect(findOverlappingAppointment(existing, appointment('new', 'upt', '2030-01-01', '2030-12-31'))?.id).toBe('b');
  });

  it('takes the nearest unit’s treasurer in office that day, up the chain to the OPD', () => {
    const appointments = [appointment('opd-1', 'opd', '2026-01-01', '2026-03-31'), appointment('opd-2', 'opd', '2026-04-01', null), appointment('upt-1', 'upt', '2026-04-15', null)];
    const chain = ['seksi', 'upt', 'opd'];
    expect(selectTreasurer(appointments, chain, '2026-03-31')?.id).toBe('opd-1');
    expect(selectTreasurer(appointments, chain, '2026-04-14')?.id).toBe('opd-2');
    expect(selectTreasurer(appointments, chain, '2026-04-30')?.id).toBe('upt-1');
    expect(selectTreasurer(appointments, ['opd'], '2026-04-30')?.id).toBe('opd-2');
    expect(selectTreasurer(appointments, chain, '2025-12-31')).toBeNull();
  });

  it('names the kind after the unit', () => {
    expect([treasurerKindOf(true), treasurerKindOf(false)]).toEqual(['pengeluaran', 'pengeluaran_pembantu']);
  });
});
