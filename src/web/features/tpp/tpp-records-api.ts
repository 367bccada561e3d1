import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTppAdjustmentBody, createTppDisciplineDecisionBody, setTppComplianceBody, tppBankAccount, tppBankAccountBody, tppHistory } from '../../../contracts/tpp';
import type {
  TppAdjustmentViewItem,
  TppBankAccountRowView,
  TppBankAccountStatus,
  TppComplianceSheetView,
  TppDisciplineDecisionViewItem,
  TppRecordOptionsView,
  TppTreasurerView,
  tppTreasurerBody,
  updateTppAdjustmentBody,
} from '../../../contracts/tpp-records';
import { api } from '../../api/client';

export const TPP_RECORD_PAGE_SIZE = 25;

export type TppBankAccountView = z.infer<typeof tppBankAccount>;
export type TppBankAccountPage = { items: TppBankAccountRowView[]; total: number; page: number; pageSize: number };
export type TppAdjustmentListView = { period: string; isPeriodClosed: boolean; items: TppAdjustmentViewItem[] };

/** Filters shared by the record lists: a unit (and the units below it) and a name or NIP. */
export interface TppRecordFilters {
  unitId: string | null;
  search: string;
}

export const tppRecordKeys = {
  all: ['tpp', 'records'] as const,
  bankAccounts: (filters: TppRecordFilters, status: TppBankAccountStatus, page: number) => ['tpp', 'records', 'bank-accounts', filters, status, page] as const,
  bankAccount: (employeeId: string) => ['tpp', 'records', 'bank-account', employeeId] as const,
  adjustments: (period: string, filters: TppRecordFilters) => ['tpp', 'records', 'adjustments', period, filters] as const,
  decisions: (period: string | null, filters: TppRecordFilters) => ['tpp', 'records', 'decisions', period, filters] as const,
  compliance: (period: string, filters: TppRecordFilters, page: number) => ['tpp', 'records', 'compliance', period, filters, page] as const,
  options: (period: string) => ['tpp', 'records', 'options', period] as const,
  treasurers: (filters: TppRecordFilters, includeEnded: boolean) => ['tpp', 'records', 'treasurers', filters, includeEnded] as const,
};

const filterQuery = (filters: TppRecordFilters) => ({ unitId: filters.unitId, q: filters.search });

/** Every record list and the TPP views that show corrections: refreshed after any change. */
function useInvalidateRecords() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: tppRecordKeys.all }), client.invalidateQueries({ queryKey: ['tpp', 'explanation'] })]);
}

export function useTppBankAccounts(filters: TppRecordFilters, status: TppBankAccountStatus, page: number) {
  return useQuery({
    queryKey: tppRecordKeys.bankAccounts(filters, status, page),
    queryFn: ({ signal }) => api.get<TppBankAccountPage>('/api/tpp/bank-accounts', { ...filterQuery(filters), status, page, pageSize: TPP_RECORD_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One employee's whole account number: fetched only when shown or edited. */
export function useTppBankAccount(employeeId: string | null) {
  return useQuery({
    queryKey: tppRecordKeys.bankAccount(employeeId ?? ''),
    queryFn: ({ signal }) => api.get<TppBankAccountView>(`/api/tpp/bank-accounts/${employeeId ?? ''}`, undefined, signal),
    enabled: employeeId !== null,
    retry: false,
    // The number is not kept around after the row is closed.
    gcTime: 0,
  });
}

export function useSaveTppBankAccount() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ employeeId, body }: { employeeId: string; body: z.input<typeof tppBankAccountBody> }) => api.put<TppBankAccountView>(`/api/tpp/bank-accounts/${employeeId}`, body),
    onSuccess: () => invalidate(),
  });
}

/** Ends the employee's account; closed months' recaps keep paying into it. */
export function useDeleteTppBankAccount() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (employeeId: string) => api.remove<{ ok: true }>(`/api/tpp/bank-accounts/${employeeId}`), onSuccess: () => invalidate() });
}

export function useTppAdjustments(period: string, filters: TppRecordFilters) {
  return useQuery({
    queryKey: tppRecordKeys.adjustments(period, filters),
    queryFn: ({ signal }) => api.get<TppAdjustmentListView>('/api/tpp/adjustments', { period, ...filterQuery(filters) }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTppAdjustment() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: z.input<typeof createTppAdjustmentBody>) => api.post<{ ok: true }>('/api/tpp/adjustments', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateTppAdjustment() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof updateTppAdjustmentBody> }) => api.put<{ ok: true }>(`/api/tpp/adjustments/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteTppAdjustment() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/tpp/adjustments/${id}`), onSuccess: () => invalidate() });
}

/** Decisions in force in `period`, or all of them (null). */
export function useTppDisciplineDecisions(period: string | null, filters: TppRecordFilters) {
  return useQuery({
    queryKey: tppRecordKeys.decisions(period, filters),
    queryFn: ({ signal }) => api.get<{ items: TppDisciplineDecisionViewItem[] }>('/api/tpp/discipline-decisions', { period, ...filterQuery(filters) }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTppDisciplineDecision() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: z.input<typeof createTppDisciplineDecisionBody>) => api.post<{ id: string }>('/api/tpp/discipline-decisions', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateTppDisciplineDecision() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof createTppDisciplineDecisionBody> }) => api.put<TppDisciplineDecisionViewItem>(`/api/tpp/discipline-decisions/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteTppDisciplineDecision() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/tpp/discipline-decisions/${id}`), onSuccess: () => invalidate() });
}

export function useTppComplianceSheet(period: string, filters: TppRecordFilters, page: number) {
  return useQuery({
    queryKey: tppRecordKeys.compliance(period, filters, page),
    queryFn: ({ signal }) => api.get<TppComplianceSheetView>('/api/tpp/compliance-sheet', { period, ...filterQuery(filters), page, pageSize: TPP_RECORD_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSetTppComplianceItem() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (body: z.input<typeof setTppComplianceBody>) => api.put<unknown>('/api/tpp/compliance-items', body), onSuccess: () => invalidate() });
}

/** The penalties and compliance items of the rule set governing `period` (null: nothing to ask yet). */
export function useTppRecordOptions(period: string | null) {
  return useQuery({
    queryKey: tppRecordKeys.options(period ?? ''),
    queryFn: ({ signal }) => api.get<TppRecordOptionsView>('/api/tpp/record-options', { period }, signal),
    enabled: period !== null,
  });
}

/** An employee's stored months (what a correction corrects); nothing is asked before one is chosen. */
export function useEmployeeTppHistory(employeeId: string | null) {
  return useQuery({
    queryKey: ['tpp', 'history', employeeId] as const,
    queryFn: ({ signal }) => api.get<z.infer<typeof tppHistory>>(`/api/tpp/employees/${employeeId ?? ''}/history`, undefined, signal),
    enabled: employeeId !== null,
    retry: false,
  });
}

/** Treasurers' appointments in scope: those in office or to come, or all of them. */
export function useTppTreasurers(filters: TppRecordFilters, includeEnded: boolean) {
  return useQuery({
    queryKey: tppRecordKeys.treasurers(filters, includeEnded),
    queryFn: ({ signal }) => api.get<{ items: TppTreasurerView[] }>('/api/tpp/treasurers', { ...filterQuery(filters), includeEnded }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTppTreasurer() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: z.input<typeof tppTreasurerBody> }) =>
      id ? api.put<TppTreasurerView>(`/api/tpp/treasurers/${id}`, body) : api.post<TppTreasurerView>('/api/tpp/treasurers', body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteTppTreasurer() {
  const invalidate = useInvalidateRecords();
  return useMutation({ mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/tpp/treasurers/${id}`), onSuccess: () => invalidate() });
}
