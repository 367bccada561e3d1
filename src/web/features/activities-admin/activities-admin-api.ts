import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activityRuleSet,
  activityRuleSetList,
  CatalogueImportResult,
  catalogueItemPage,
  CatalogueItemView,
  catalogueVersionList,
  closePeriodRequest,
  createActivityRuleSetRequest,
  createCatalogueItemRequest,
  createDeadlineExtensionRequest,
  deadlineExtension,
  deadlineExtensionPage,
  periodClosure,
  periodClosureList,
  periodClosurePreview,
  updateCatalogueItemRequest,
} from '../../../contracts/activities-admin';
import { api } from '../../api/client';

export type CatalogueItem = CatalogueItemView;
export type CataloguePage = z.infer<typeof catalogueItemPage>;
export type CatalogueVersions = z.infer<typeof catalogueVersionList>;
export type CreateCatalogueItem = z.input<typeof createCatalogueItemRequest>;
export type UpdateCatalogueItem = z.input<typeof updateCatalogueItemRequest>;
export type { CatalogueImportResult };
export type ActivityRuleSet = z.infer<typeof activityRuleSet>;
export type CreateActivityRuleSet = z.input<typeof createActivityRuleSetRequest>;
export type DeadlineExtension = z.infer<typeof deadlineExtension>;
export type CreateDeadlineExtension = z.input<typeof createDeadlineExtensionRequest>;
export type PeriodClosure = z.infer<typeof periodClosure>;
export type ClosePeriod = z.input<typeof closePeriodRequest>;
export type PeriodClosurePreview = z.infer<typeof periodClosurePreview>;

export interface CatalogueFilters {
  q: string;
  kind: 'general' | 'position' | null;
  positionId: string | null;
  isActive: boolean | null;
  page: number;
}

export const activityAdminKeys = {
  all: ['activity-admin'] as const,
  catalogue: (filters: CatalogueFilters) => ['activity-admin', 'catalogue', filters] as const,
  versions: (id: string) => ['activity-admin', 'catalogue-versions', id] as const,
  ruleSets: ['activity-admin', 'rule-sets'] as const,
  extensions: (unitId: string | null, date: string | null, page: number) => ['activity-admin', 'extensions', unitId, date, page] as const,
  closures: ['activity-admin', 'closures'] as const,
  preview: (period: string) => ['activity-admin', 'closure-preview', period] as const,
};

export const CATALOGUE_PAGE_SIZE = 25;
export const EXTENSION_PAGE_SIZE = 25;

function useInvalidateActivityAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: activityAdminKeys.all });
}

// ---------- catalogue ----------

export function useCatalogue(filters: CatalogueFilters) {
  return useQuery({
    queryKey: activityAdminKeys.catalogue(filters),
    queryFn: ({ signal }) =>
      api.get<CataloguePage>(
        '/api/activities/catalogue',
        { q: filters.q, kind: filters.kind, positionId: filters.positionId, isActive: filters.isActive, page: filters.page, pageSize: CATALOGUE_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogueVersions(id: string) {
  return useQuery({ queryKey: activityAdminKeys.versions(id), queryFn: ({ signal }) => api.get<CatalogueVersions>(`/api/activities/catalogue/${id}/versions`, undefined, signal) });
}

export function useSaveCatalogueItem() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: (input: { id: null; create: CreateCatalogueItem } | { id: string; update: UpdateCatalogueItem }) =>
      input.id === null ? api.post<CatalogueItem>('/api/activities/catalogue', input.create) : api.patch<CatalogueItem>(`/api/activities/catalogue/${input.id}`, input.update),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetCatalogueActive() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<CatalogueItem>(`/api/activities/catalogue/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useRunCatalogueImport() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<CatalogueImportResult>('/api/activities/catalogue/import', form, { dryRun: String(dryRun) });
    },
    meta: { isErrorShownInline: true },
    onSuccess: (result) => (result.isCommitted ? invalidate() : undefined),
  });
}

/** "Impor sekarang" only after a clean dry run of this very file. */
export const canCommitCatalogueImport = (dryRun: CatalogueImportResult | null, isSameFile: boolean) =>
  dryRun !== null && dryRun.dryRun && isSameFile && dryRun.errors.length === 0 && dryRun.totalRows > 0;

export const downloadCatalogueTemplate = () => api.download('/api/activities/catalogue/template.xlsx', 'templat-impor-katalog-kegiatan.xlsx');
export const downloadCatalogueExport = () => api.download('/api/activities/catalogue/export.xlsx', 'katalog-kegiatan.xlsx');

// ---------- rule sets ----------

export function useActivityRuleSets() {
  return useQuery({ queryKey: activityAdminKeys.ruleSets, queryFn: ({ signal }) => api.get<z.infer<typeof activityRuleSetList>>('/api/activities/rule-sets', undefined, signal) });
}

export function useCreateActivityRuleSet() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: (input: CreateActivityRuleSet) => api.post<ActivityRuleSet>('/api/activities/rule-sets', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

// ---------- deadline extensions ----------

export function useDeadlineExtensions(unitId: string | null, date: string | null, page: number) {
  return useQuery({
    queryKey: activityAdminKeys.extensions(unitId, date, page),
    queryFn: ({ signal }) => api.get<z.infer<typeof deadlineExtensionPage>>('/api/activities/deadline-extensions', { unitId, date, page, pageSize: EXTENSION_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDeadlineExtension() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: (input: CreateDeadlineExtension) => api.post<DeadlineExtension>('/api/activities/deadline-extensions', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDeleteDeadlineExtension() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.remove<unknown>(`/api/activities/deadline-extensions/${id}`, { reason }),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

// ---------- month closing ----------

export function usePeriodClosures() {
  return useQuery({ queryKey: activityAdminKeys.closures, queryFn: ({ signal }) => api.get<z.infer<typeof periodClosureList>>('/api/periods/closures', undefined, signal) });
}

export function usePeriodClosurePreview(period: string | null) {
  return useQuery({
    queryKey: activityAdminKeys.preview(period ?? ''),
    queryFn: ({ signal }) => api.get<PeriodClosurePreview>('/api/periods/closures/preview', { period }, signal),
    enabled: period !== null,
  });
}

export function useClosePeriod() {
  const invalidate = useInvalidateActivityAdmin();
  return useMutation({
    mutationFn: (input: ClosePeriod) => api.post<PeriodClosure>('/api/periods/closures', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}
