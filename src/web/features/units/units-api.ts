import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUnitRequest, Unit, unitKinds, unitPage, unitTree } from '../../../contracts/org';
import { api } from '../../api/client';

export type { Unit };
export type UnitKind = (typeof unitKinds)[number];
export type UnitPage = z.infer<typeof unitPage>;
export type CreateUnitRequest = z.input<typeof createUnitRequest>;

export interface UnitFilters {
  q: string;
  kind: UnitKind | null;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

export const unitKeys = {
  all: ['units'] as const,
  tree: ['units', 'tree'] as const,
  list: (filters: UnitFilters) => ['units', 'list', filters] as const,
};

/** Every unit the user may see, for the tree view and the pickers. */
export function useUnitTree() {
  return useQuery({
    queryKey: unitKeys.tree,
    queryFn: ({ signal }) => api.get<z.infer<typeof unitTree>>('/api/units/tree', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useUnitList(filters: UnitFilters) {
  return useQuery({
    queryKey: unitKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<UnitPage>(
        '/api/units',
        { q: filters.q.trim(), kind: filters.kind, includeInactive: filters.includeInactive || undefined, page: filters.page, pageSize: filters.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUnits() {
  const queryClient = useQueryClient();
  // Unit names appear in positions and employees too.
  return () => Promise.all([unitKeys.all, ['positions'], ['employees']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSaveUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, request }: { id: string | null; request: CreateUnitRequest }) =>
      id ? api.patch<unknown>(`/api/units/${id}`, request) : api.post<{ id: string }>('/api/units', request),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetUnitActive() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<unknown>(`/api/units/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}
