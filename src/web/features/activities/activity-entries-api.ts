import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivityEntryView } from '../../../contracts/activities';
import type {
  ActivityTemplateView,
  CopyEntriesResult,
  createEntryBody,
  EntryList,
  entryFromTemplateBody,
  MyCatalogueItem,
  templateBody,
  updateEntryBody,
} from '../../../contracts/activities-entries';
import type { attachmentResult } from '../../../contracts/attendance-requests';
import type { MyRhkList } from '../../../contracts/skp-realisation';
import { api } from '../../api/client';
import { skpKeys } from '../skp/skp-api';
import { chooseRhkList, type FetchedRhkList, type RhkChoices } from './rhk-choices';

export type CreateEntryInput = z.input<typeof createEntryBody>;
export type UpdateEntryInput = z.input<typeof updateEntryBody>;
export type TemplateInput = z.input<typeof templateBody>;
export type EntryFromTemplateInput = z.input<typeof entryFromTemplateBody>;
export type EvidenceFile = z.infer<typeof attachmentResult>;

export const activityKeys = {
  all: ['activities', 'entries'] as const,
  day: (date: string) => ['activities', 'entries', 'day', date] as const,
  month: (month: string) => ['activities', 'entries', 'month', month] as const,
  catalogue: (date: string) => ['activities', 'entries', 'catalogue', date] as const,
  templates: ['activities', 'entries', 'templates'] as const,
};

export function useDayEntries(date: string) {
  return useQuery({
    queryKey: activityKeys.day(date),
    queryFn: ({ signal }) => api.get<EntryList>('/api/activities/entries', { date }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMonthEntries(month: string) {
  return useQuery({
    queryKey: activityKeys.month(month),
    queryFn: ({ signal }) => api.get<EntryList>('/api/activities/entries', { month }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyCatalogue(date: string) {
  return useQuery({
    queryKey: activityKeys.catalogue(date),
    queryFn: ({ signal }) => api.get<{ date: string; items: MyCatalogueItem[] }>('/api/activities/my-catalogue', { date }, signal),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Prefix of skpKeys.myRhk: every list of citable RHK in the cache, whichever date it was fetched for. */
const MY_RHK_PREFIX = ['skp', 'my-rhk'] as const;

/**
 * The RHK an activity on `date` may cite (GET /api/skp/my-rhk), shared with the SKP pages' cache.
 * While that list cannot be loaded (offline), the last list fetched for the same year stands in;
 * without any, the picker is empty and the entry is recorded without an RHK.
 */
export function useRhkChoices(date: string): RhkChoices & { isLoading: boolean } {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: skpKeys.myRhk(date),
    queryFn: ({ signal }) => api.get<MyRhkList>('/api/skp/my-rhk', { date }, signal),
    staleTime: 10 * 60_000,
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  const fetched: FetchedRhkList[] = query.data
    ? []
    : queryClient
        .getQueriesData<MyRhkList>({ queryKey: MY_RHK_PREFIX })
        .flatMap(([key, data]) => (data ? [{ date: data.date, items: data.items, fetchedAt: queryClient.getQueryState(key)?.dataUpdatedAt ?? 0 }] : []));
  return { ...chooseRhkList(date, query.data, fetched), isLoading: query.isLoading };
}

export function useTemplates() {
  return useQuery({
    queryKey: activityKeys.templates,
    queryFn: ({ signal }) => api.get<{ items: ActivityTemplateView[] }>('/api/activities/templates', undefined, signal),
  });
}

function useInvalidateEntries() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

export const postEntry = (body: CreateEntryInput) => api.post<ActivityEntryView>('/api/activities/entries', body);

export function useCreateEntry() {
  const invalidate = useInvalidateEntries();
  return useMutation({ mutationFn: postEntry, meta: { isErrorShownInline: true }, onSuccess: invalidate });
}

export function useUpdateEntry() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateEntryInput & { id: string }) => api.patch<ActivityEntryView>(`/api/activities/entries/${id}`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSubmitEntry() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision: number }) => api.post<ActivityEntryView>(`/api/activities/entries/${id}/submit`, { revision }),
    onSuccess: invalidate,
  });
}

export function useDeleteEntry() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision: number }) => api.remove<unknown>(`/api/activities/entries/${id}?revision=${revision}`),
    onSuccess: invalidate,
  });
}

export function useCopyEntries() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: (body: { targetDate: string; sourceDate?: string | null }) => api.post<CopyEntriesResult>('/api/activities/entries/copy', body),
    onSuccess: invalidate,
  });
}

export function useSaveTemplate() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: ({ id, ...body }: TemplateInput & { id?: string }) =>
      id ? api.patch<ActivityTemplateView>(`/api/activities/templates/${id}`, body) : api.post<ActivityTemplateView>('/api/activities/templates', body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDeleteTemplate() {
  const invalidate = useInvalidateEntries();
  return useMutation({ mutationFn: (id: string) => api.remove<unknown>(`/api/activities/templates/${id}`), onSuccess: invalidate });
}

export function useEntryFromTemplate() {
  const invalidate = useInvalidateEntries();
  return useMutation({
    mutationFn: ({ id, ...body }: EntryFromTemplateInput & { id: string }) => api.post<ActivityEntryView>(`/api/activities/templates/${id}/entries`, body),
    onSuccess: invalidate,
  });
}

export async function uploadEvidence(file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EvidenceFile>('/api/activities/evidence', form);
}
