import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createAssignmentRequest,
  createEmployeeRequest,
  createSuperiorOverrideRequest,
  employee,
  employeeDetail,
  employeePage,
  employeeStatuses,
  jenisAsnValues,
  subordinateList,
  updateAssignmentRequest,
  updateEmployeeRequest,
} from '../../../contracts/org';
import { api } from '../../api/client';

export type Employee = z.infer<typeof employee>;
export type EmployeeDetail = z.infer<typeof employeeDetail>;
export type EmployeePage = z.infer<typeof employeePage>;
export type SubordinateList = z.infer<typeof subordinateList>;
export type CreateEmployeeRequest = z.input<typeof createEmployeeRequest>;
export type UpdateEmployeeRequest = z.input<typeof updateEmployeeRequest>;
export type CreateAssignmentRequest = z.input<typeof createAssignmentRequest>;
export type UpdateAssignmentRequest = z.input<typeof updateAssignmentRequest>;
export type CreateSuperiorOverrideRequest = z.input<typeof createSuperiorOverrideRequest>;

export interface EmployeeFilters {
  q: string;
  unitId: string | null;
  includeSubunits: boolean;
  jenisAsn: (typeof jenisAsnValues)[number] | null;
  status: (typeof employeeStatuses)[number] | null;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

export const employeeKeys = {
  all: ['employees'] as const,
  list: (filters: EmployeeFilters) => ['employees', 'list', filters] as const,
  detail: (id: string) => ['employees', 'detail', id] as const,
  subordinates: (id: string) => ['employees', 'subordinates', id] as const,
};

export function useEmployeeList(filters: EmployeeFilters) {
  return useQuery({
    queryKey: employeeKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<EmployeePage>(
        '/api/employees',
        {
          q: filters.q.trim(),
          unitId: filters.unitId,
          includeSubunits: filters.unitId ? filters.includeSubunits : undefined,
          jenisAsn: filters.jenisAsn,
          status: filters.status,
          includeInactive: filters.includeInactive || undefined,
          page: filters.page,
          pageSize: filters.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEmployeeDetail(id: string | null) {
  return useQuery({
    queryKey: employeeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<EmployeeDetail>(`/api/employees/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useSubordinates(id: string | null) {
  return useQuery({
    queryKey: employeeKeys.subordinates(id ?? ''),
    queryFn: ({ signal }) => api.get<SubordinateList>(`/api/employees/${id}/subordinates`, undefined, signal),
    enabled: id !== null,
  });
}

/** Search used by employee pickers (override superior, account owner). */
/** A search of employees (name or NIP) in a unit and the units below it, for an AsyncSelect. */
export const searchEmployeesIn = (unitId: string | null) => async (text: string, signal: AbortSignal) => {
  const page = await api.get<EmployeePage>('/api/employees', { q: text, pageSize: 20, ...(unitId ? { unitId, includeSubunits: true } : {}) }, signal);
  return page.items.map((item) => ({ value: item.id, label: `${item.fullName} — ${item.nip}` }));
};

export const searchEmployees = searchEmployeesIn(null);

/** Assignments and overrides change holders, superiors and subordinates everywhere: refresh all org lists. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: employeeKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['positions'] }),
      queryClient.invalidateQueries({ queryKey: ['select'] }),
    ]);
}

export function useSaveEmployee() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: { id: string | null; create: CreateEmployeeRequest; update: UpdateEmployeeRequest }) =>
      input.id ? api.patch<unknown>(`/api/employees/${input.id}`, input.update).then(() => ({ id: input.id as string })) : api.post<{ id: string }>('/api/employees', input.create),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetEmployeeActive() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<unknown>(`/api/employees/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useCreateAssignment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: CreateAssignmentRequest) => api.post<{ id: string }>('/api/assignments', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useUpdateAssignment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateAssignmentRequest & { id: string }) => api.patch<unknown>(`/api/assignments/${id}`, input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useCreateOverride() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: CreateSuperiorOverrideRequest) => api.post<{ id: string }>('/api/superior-overrides', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useEndOverride() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, endDate }: { id: string; endDate: string }) => api.post<unknown>(`/api/superior-overrides/${id}/end`, { endDate }),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}
