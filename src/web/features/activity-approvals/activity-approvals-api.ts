import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityEntryView } from '../../../contracts/activities';
import type { ApprovalQueue, ApprovalSummary, BulkDecisionBody, BulkDecisionResult, DecideEntryBody, EvidenceVerdictBody } from '../../../contracts/activities-approval';
import { api } from '../../api/client';
import { activityKeys } from '../activities/activity-entries-api';

export const activityApprovalKeys = {
  all: ['activity-approvals'] as const,
  queue: (month: string | null) => ['activity-approvals', 'queue', month] as const,
  summary: ['activity-approvals', 'summary'] as const,
};

export function useApprovalQueue(month: string | null) {
  return useQuery({
    queryKey: activityApprovalKeys.queue(month),
    queryFn: ({ signal }) => api.get<ApprovalQueue>('/api/activities/approvals', { month }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Reminder counts; refreshed every few minutes while the home page is open. */
export function useApprovalSummary(isEnabled = true) {
  return useQuery({
    queryKey: activityApprovalKeys.summary,
    queryFn: ({ signal }) => api.get<ApprovalSummary>('/api/activities/approvals/summary', undefined, signal),
    enabled: isEnabled,
    refetchInterval: 5 * 60_000,
  });
}

/** A decision changes the queue, the reminder and productivity figures: refresh all of them. */
function useInvalidateDecisions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: activityApprovalKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['productivity'] }),
      queryClient.invalidateQueries({ queryKey: activityKeys.all }),
    ]);
}

export function useDecideEntry() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: ({ id, ...body }: DecideEntryBody & { id: string }) => api.post<ActivityEntryView>(`/api/activities/entries/${id}/decision`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useBulkDecision() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: (body: BulkDecisionBody) => api.post<BulkDecisionResult>('/api/activities/approvals/bulk', body),
    meta: { isErrorShownInline: true },
    // A refused bulk changes nothing, but the queue it was based on is stale: refresh either way.
    onSettled: invalidate,
  });
}

export function useEvidenceVerdict() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: ({ id, ...body }: EvidenceVerdictBody & { id: string }) => api.post<ActivityEntryView>(`/api/activities/entries/${id}/evidence-verdict`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

/** Evidence files go through the session (they are not public URLs). */
export const downloadEvidence = (attachmentId: string, fileName: string | null) => api.download(`/api/activities/evidence/${attachmentId}`, fileName ?? 'bukti');
