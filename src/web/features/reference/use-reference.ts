import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { referenceData } from '../../../contracts/org';
import { api } from '../../api/client';

export type ReferenceData = z.infer<typeof referenceData>;

/** Golongan, jenis jabatan, unit kinds and statuses with their official Indonesian labels; changes only with a release. */
export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: ({ signal }) => api.get<ReferenceData>('/api/reference', undefined, signal),
    staleTime: Infinity,
  });
}

/** The label of a value in a reference list, or the raw value while the list loads. */
export function labelOf<V extends string>(list: readonly { value: V; label: string }[] | undefined, value: V | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return list?.find((item) => item.value === value)?.label ?? value;
}
