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
import { api } from '../../api/client';

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
