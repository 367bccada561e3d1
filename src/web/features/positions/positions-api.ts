import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createPositionRequest, jenisJabatanValues, Position, positionPage } from '../../../contracts/org';
import { api } from '../../api/client';

export type { Position };
export type JenisJabatan = (typeof jenisJabatanValues)[number];
export type PositionPage = z.infer<typeof positionPage>;
export type CreatePositionRequest = z.input<typeof createPositionRequest>;

export type VacancyFilter = 'all' | 'vacant' | 'filled';

export interface PositionFilters {
  q: string;
  unitId: string | null;
  includeSubunits: boolean;
  jenis: JenisJabatan | null;
  vacancy: VacancyFilter;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

export const positionKeys = {
  all: ['positions'] as const,
  list: (filters: PositionFilters) => ['positions', 'list', filters] as const,
};

export function usePositionList(filters: PositionFilters) {
  return useQuery({
    queryKey: positionKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PositionPage>(
        '/api/positions',
        {
          q: filters.q.trim(),
          unitId: filters.unitId,
          includeSubunits: filters.unitId ? filters.includeSubunits : undefined,
          jenis: filters.jenis,
          isVacant: filters.vacancy === 'all' ? undefined : filters.vacancy === 'vacant',
          includeInactive: filters.includeInactive || undefined,
          page: filters.page,
          pageSize: filters.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Search used by position pickers (superior position, assignment). */
export async function searchPositions(text: string, signal: AbortSignal) {
  const page = await api.get<PositionPage>('/api/positions', { q: text, pageSize: 20 }, signal);
  return page.items.map(positionOption);
}

export const positionOption = (position: Pick<Position, 'id' | 'name' | 'code' | 'unitName'>) => ({
  value: position.id,
  label: `${position.name} — ${position.unitName} (${position.code})`,
});

function useInvalidatePositions() {
  const queryClient = useQueryClient();
  return () => Promise.all([positionKeys.all, ['employees'], ['select']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useSavePosition() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: ({ id, request }: { id: string | null; request: CreatePositionRequest }) =>
      id ? api.patch<unknown>(`/api/positions/${id}`, request) : api.post<{ id: string }>('/api/positions', request),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetPositionActive() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<unknown>(`/api/positions/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}
