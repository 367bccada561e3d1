import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EmployeeProductivity, ProductivityList } from '../../../contracts/activities-productivity';
import { api, buildUrl } from '../../api/client';

export const productivityKeys = {
  employee: (employeeId: string | null, month: string | null) => ['productivity', 'employee', employeeId, month] as const,
  subordinates: (month: string) => ['productivity', 'subordinates', month] as const,
  unit: (unitId: string, month: string) => ['productivity', 'unit', unitId, month] as const,
};

/** One employee's month (null = me; null month = this month, live). */
export function useEmployeeProductivity(employeeId: string | null, month: string | null, isEnabled = true) {
  return useQuery({
    queryKey: productivityKeys.employee(employeeId, month),
    queryFn: ({ signal }) => api.get<EmployeeProductivity>('/api/activities/productivity', { employeeId, month }, signal),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });
}

export function useSubordinateProductivity(month: string, isEnabled: boolean) {
  return useQuery({
    queryKey: productivityKeys.subordinates(month),
    queryFn: ({ signal }) => api.get<ProductivityList>('/api/activities/productivity/subordinates', { month }, signal),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });
}

export function useUnitProductivity(unitId: string | null, month: string) {
  return useQuery({
    queryKey: productivityKeys.unit(unitId ?? '', month),
    queryFn: ({ signal }) => api.get<ProductivityList>('/api/activities/productivity/unit', { unitId, month }, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export const downloadUnitProductivity = (unitId: string, month: string) =>
  api.download(buildUrl('/api/activities/productivity/unit.xlsx', { unitId, month }), `produktivitas-${month}.xlsx`);

export const downloadActivityReport = (employeeId: string, month: string) =>
  api.download(buildUrl('/api/activities/productivity/report.pdf', { employeeId, month }), `laporan-aktivitas-${month}.pdf`);
