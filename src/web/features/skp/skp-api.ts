import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attachmentResult } from '../../../contracts/attendance-requests';
import type { CitableRhkList, rhkInput, SkpList, skpSettingsList, SkpView } from '../../../contracts/skp';
import type { DistributionView, EvaluationList, EvaluationView, evaluationBody, UnitPredikatView } from '../../../contracts/skp-evaluation';
import type { SkpExport } from '../../../contracts/skp-export';
import type { CascadeTree, feedbackBody, MyRhkList, RealisationBoard, realisationBody } from '../../../contracts/skp-realisation';
import type { assessorDesignationBody, AssessorDesignationView, WithoutAssessorList } from '../../../contracts/skp-assessors';
import { api, buildUrl } from '../../api/client';

export type RhkInput = z.input<typeof rhkInput>;
export type RealisationInput = z.input<typeof realisationBody>;
export type FeedbackInput = z.input<typeof feedbackBody>;
export type EvaluationInput = z.input<typeof evaluationBody>;
export type UploadedFile = z.infer<typeof attachmentResult>;
export type SkpSettingsList = z.infer<typeof skpSettingsList>;
export type AssessorDesignationInput = z.input<typeof assessorDesignationBody>;
/** The SKP lists: mine, waiting for me, those I assess, and (BKPSDM) those the kepala daerah assesses. */
export type SkpListScope = 'mine' | 'to_review' | 'assessed' | 'kepala_daerah';

export const skpKeys = {
  all: ['skp'] as const,
  list: (scope: string, year: number) => ['skp', 'list', scope, year] as const,
  detail: (id: string) => ['skp', 'detail', id] as const,
  citable: (id: string) => ['skp', 'citable', id] as const,
  board: (id: string) => ['skp', 'board', id] as const,
  evaluations: (id: string) => ['skp', 'evaluations', id] as const,
  cascade: (key: string) => ['skp', 'cascade', key] as const,
  distribution: (periodKey: string, unitId: string | null) => ['skp', 'distribution', periodKey, unitId] as const,
  supervised: (periodKey: string) => ['skp', 'supervised', periodKey] as const,
  overview: (unitId: string, year: number) => ['skp', 'overview', unitId, year] as const,
  myRhk: (date: string) => ['skp', 'my-rhk', date] as const,
  designations: ['skp', 'assessor-designations'] as const,
  withoutAssessor: ['skp', 'without-assessor'] as const,
};

export function useSkpList(scope: SkpListScope, year: number) {
  return useQuery({ queryKey: skpKeys.list(scope, year), queryFn: ({ signal }) => api.get<SkpList>('/api/skp', { scope, year }, signal) });
}

export function useSkp(id: string | null) {
  return useQuery({ queryKey: skpKeys.detail(id ?? ''), queryFn: ({ signal }) => api.get<SkpView>(`/api/skp/${id}`, undefined, signal), enabled: id !== null });
}

export function useCitableRhk(id: string | null) {
  return useQuery({ queryKey: skpKeys.citable(id ?? ''), queryFn: ({ signal }) => api.get<CitableRhkList>(`/api/skp/${id}/citable-rhk`, undefined, signal), enabled: id !== null });
}

export function useRealisationBoard(id: string | null) {
  return useQuery({ queryKey: skpKeys.board(id ?? ''), queryFn: ({ signal }) => api.get<RealisationBoard>(`/api/skp/${id}/realisations`, undefined, signal), enabled: id !== null });
}

export function useEvaluations(id: string | null) {
  return useQuery({ queryKey: skpKeys.evaluations(id ?? ''), queryFn: ({ signal }) => api.get<EvaluationList>(`/api/skp/${id}/evaluations`, undefined, signal), enabled: id !== null });
}

export function useSkpCascade(skpId: string | null) {
  return useQuery({ queryKey: skpKeys.cascade(`skp:${skpId}`), queryFn: ({ signal }) => api.get<CascadeTree>(`/api/skp/${skpId}/cascade`, undefined, signal), enabled: skpId !== null });
}

export function useUnitCascade(unitId: string | null, year: number) {
  return useQuery({
    queryKey: skpKeys.cascade(`unit:${unitId}:${year}`),
    queryFn: ({ signal }) => api.get<CascadeTree>('/api/skp/cascade', { unitId, year }, signal),
    enabled: unitId !== null,
  });
}

export function useDistribution(periodKey: string | null, unitId: string | null = null) {
  return useQuery({
    queryKey: skpKeys.distribution(periodKey ?? '', unitId),
    queryFn: ({ signal }) => api.get<DistributionView>('/api/skp/distribution', { periodKey, unitId }, signal),
    enabled: periodKey !== null,
  });
}

export function useSupervisedUnits(periodKey: string | null) {
  return useQuery({
    queryKey: skpKeys.supervised(periodKey ?? ''),
    queryFn: ({ signal }) => api.get<{ items: UnitPredikatView[] }>('/api/skp/unit-predikats/mine', { periodKey }, signal),
    enabled: periodKey !== null,
  });
}

export function useSkpOverview(unitId: string | null, year: number) {
  return useQuery({
    queryKey: skpKeys.overview(unitId ?? '', year),
    queryFn: ({ signal }) => api.get<SkpExport>('/api/skp/export.json', { unitId, year }, signal),
    enabled: unitId !== null,
  });
}

export function useMyRhk(date: string) {
  return useQuery({ queryKey: skpKeys.myRhk(date), queryFn: ({ signal }) => api.get<MyRhkList>('/api/skp/my-rhk', { date }, signal) });
}

/** Every SKP mutation refreshes all SKP views: plans, boards and ratings depend on each other. */
function useSkpMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, options: { isErrorShownInline?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { isErrorShownInline: options.isErrorShownInline ?? false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: skpKeys.all }),
  });
}

export const useCreateSkp = () => useSkpMutation((year: number) => api.post<SkpView>('/api/skp', { year }));
export const useUpdateLampiran = () =>
  useSkpMutation(({ id, ...body }: { id: string; dukunganSumberDaya: string | null; skemaPertanggungjawaban: string | null; konsekuensi: string | null }) => api.patch<SkpView>(`/api/skp/${id}`, body), {
    isErrorShownInline: true,
  });
export const useAddRhk = () => useSkpMutation(({ skpId, body }: { skpId: string; body: RhkInput }) => api.post<SkpView>(`/api/skp/${skpId}/rhk`, body), { isErrorShownInline: true });
export const useUpdateRhk = () => useSkpMutation(({ rhkId, body }: { rhkId: string; body: RhkInput }) => api.put<SkpView>(`/api/skp/rhk/${rhkId}`, body), { isErrorShownInline: true });
export const useRemoveRhk = () => useSkpMutation((rhkId: string) => api.remove<{ ok: true }>(`/api/skp/rhk/${rhkId}`));
export const useCopyFromSuperior = () => useSkpMutation(({ skpId, rhkIds }: { skpId: string; rhkIds: string[] }) => api.post<SkpView>(`/api/skp/${skpId}/copy-from-superior`, { rhkIds }));
export const useSubmitSkp = () => useSkpMutation((skpId: string) => api.post<SkpView>(`/api/skp/${skpId}/submit`));
/** `onBehalfReason`: only when BKPSDM records the decision of a kepala daerah (the assessor on the SKP). */
export const useApproveSkp = () =>
  useSkpMutation(({ skpId, note, onBehalfReason = null }: { skpId: string; note: string | null; onBehalfReason?: string | null }) => api.post<SkpView>(`/api/skp/${skpId}/approve`, { note, onBehalfReason }));
export const useReturnSkp = () =>
  useSkpMutation(({ skpId, note, onBehalfReason = null }: { skpId: string; note: string; onBehalfReason?: string | null }) => api.post<SkpView>(`/api/skp/${skpId}/return`, { note, onBehalfReason }), {
    isErrorShownInline: true,
  });
export const useReviseSkp = () => useSkpMutation(({ skpId, reason }: { skpId: string; reason: string }) => api.post<SkpView>(`/api/skp/${skpId}/revisions`, { reason }), { isErrorShownInline: true });
export const useSaveRealisation = () =>
  useSkpMutation(({ rhkId, periodKey, body }: { rhkId: string; periodKey: string; body: RealisationInput }) => api.put<RealisationBoard>(`/api/skp/rhk/${rhkId}/realisations/${periodKey}`, body), {
    isErrorShownInline: true,
  });
export const useGiveFeedback = () =>
  useSkpMutation(({ rhkId, periodKey, body }: { rhkId: string; periodKey: string; body: FeedbackInput }) => api.put<RealisationBoard>(`/api/skp/rhk/${rhkId}/realisations/${periodKey}/feedback`, body), {
    isErrorShownInline: true,
  });
export const useSaveEvaluation = () =>
  useSkpMutation(({ skpId, periodKey, body }: { skpId: string; periodKey: string; body: EvaluationInput }) => api.put<EvaluationView>(`/api/skp/${skpId}/evaluations/${periodKey}`, body), {
    isErrorShownInline: true,
  });
export const useFinaliseEvaluation = () =>
  useSkpMutation(({ skpId, periodKey }: { skpId: string; periodKey: string }) =>
    api.post<{ evaluation: EvaluationView; distribution: DistributionView }>(`/api/skp/${skpId}/evaluations/${periodKey}/finalise`),
  );
export const useSetUnitPredikat = (options: { isErrorShownInline?: boolean } = {}) =>
  useSkpMutation(
    ({ unitId, periodKey, predikat, onBehalfReason = null }: { unitId: string; periodKey: string; predikat: string; onBehalfReason?: string | null }) =>
      api.put<UnitPredikatView>(`/api/skp/unit-predikats/${unitId}/${periodKey}`, { predikat, note: null, onBehalfReason }),
    options,
  );

export function useAssessorDesignations(isEnabled: boolean) {
  return useQuery({
    queryKey: skpKeys.designations,
    queryFn: ({ signal }) => api.get<{ items: AssessorDesignationView[] }>('/api/skp/assessor-designations', undefined, signal),
    enabled: isEnabled,
  });
}

export function useEmployeesWithoutAssessor(isEnabled: boolean) {
  return useQuery({ queryKey: skpKeys.withoutAssessor, queryFn: ({ signal }) => api.get<WithoutAssessorList>('/api/skp/without-assessor', undefined, signal), enabled: isEnabled });
}

export const useCreateDesignation = () =>
  useSkpMutation((body: AssessorDesignationInput) => api.post<{ items: AssessorDesignationView[] }>('/api/skp/assessor-designations', body), { isErrorShownInline: true });
export const useEndDesignation = () =>
  useSkpMutation(({ id, endDate }: { id: string; endDate: string }) => api.post<{ items: AssessorDesignationView[] }>(`/api/skp/assessor-designations/${id}/end`, { endDate }), { isErrorShownInline: true });

export function uploadEvidenceFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadedFile>('/api/attendance/attachments', form);
}

export const downloadSkpDocument = (skpId: string) => api.download(`/api/skp/${skpId}/document.pdf`, 'skp.pdf');
export const downloadEvaluationDocument = (skpId: string, periodKey: string) => api.download(`/api/skp/${skpId}/evaluations/${periodKey}/document.pdf`, `evaluasi-${periodKey}.pdf`);
export const downloadAnnualDocument = (skpId: string) => api.download(`/api/skp/${skpId}/annual-document.pdf`, 'dokumen-kinerja-tahunan.pdf');
export const downloadSkpWorkbook = (unitId: string, year: number) => api.download(buildUrl('/api/skp/export.xlsx', { unitId, year }), `skp-${year}.xlsx`);
export const downloadSkpJson = (unitId: string, year: number) => api.download(buildUrl('/api/skp/export.json', { unitId, year }), `skp-${year}.json`);
export const attachmentUrl = (realisationId: string, attachmentId: string) => `/api/skp/realisations/${realisationId}/attachments/${attachmentId}`;

export function useSkpSettings() {
  return useQuery({
    queryKey: ['skp', 'settings'] as const,
    queryFn: ({ signal }) => api.get<SkpSettingsList>('/api/skp/settings', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** The period kind in force for a year: the latest setting effective by then, else the default. */
export function periodKindOf(settings: SkpSettingsList | undefined, year: number): 'month' | 'quarter' {
  const applicable = (settings?.items ?? []).filter((item) => item.effectiveYear <= year).sort((a, b) => b.effectiveYear - a.effectiveYear)[0];
  return applicable?.periodKind ?? settings?.defaults.periodKind ?? 'month';
}
