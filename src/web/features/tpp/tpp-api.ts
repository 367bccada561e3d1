import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TppExplanationView,
  TppMonthChangeView,
  TppResultRowView,
  TppRuleSetVersionView,
  TppRunView,
  TppSummaryView,
  tppHistory,
  tppRuleSetExampleList,
  tppSimulation,
  TppInputChangesBody,
} from '../../../contracts/tpp';
import { api, buildUrl } from '../../api/client';

export type TppSimulationView = z.infer<typeof tppSimulation>;
export type TppResultList = { period: string; total: number; totals: { gross: number; deductionTotal: number; net: number }; items: TppResultRowView[] };

export const tppKeys = {
  explanation: (employeeId: string | null, period: string) => ['tpp', 'explanation', employeeId, period] as const,
  history: (employeeId: string | null) => ['tpp', 'history', employeeId] as const,
  monthChange: (employeeId: string | null, period: string) => ['tpp', 'month-change', employeeId, period] as const,
  runs: (period: string) => ['tpp', 'runs', period] as const,
  run: (id: string) => ['tpp', 'run', id] as const,
  results: (period: string, unitId: string | null, search: string, sort: string) => ['tpp', 'results', period, unitId, search, sort] as const,
  summary: (period: string) => ['tpp', 'summary', period] as const,
  ruleSets: (includeSuperseded: boolean) => ['tpp', 'rule-sets', includeSuperseded] as const,
  examples: ['tpp', 'rule-set-examples'] as const,
};

/** One employee's month explained (null = me). */
export function useTppExplanation(employeeId: string | null, period: string) {
  return useQuery({
    queryKey: tppKeys.explanation(employeeId, period),
    queryFn: ({ signal }) => api.get<TppExplanationView>(employeeId ? `/api/tpp/employees/${employeeId}` : '/api/tpp/me', { period }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The month beside last month's computed result, line by line (null = me). */
export function useTppMonthChange(employeeId: string | null, period: string) {
  return useQuery({
    queryKey: tppKeys.monthChange(employeeId, period),
    queryFn: ({ signal }) => api.get<TppMonthChangeView>(employeeId ? `/api/tpp/employees/${employeeId}/month-change` : '/api/tpp/me/month-change', { period }, signal),
    retry: false,
  });
}

export function useTppHistory(employeeId: string | null) {
  return useQuery({
    queryKey: tppKeys.history(employeeId),
    queryFn: ({ signal }) => api.get<z.infer<typeof tppHistory>>(employeeId ? `/api/tpp/employees/${employeeId}/history` : '/api/tpp/me/history', undefined, signal),
  });
}

export function useTppSimulation() {
  return useMutation({
    mutationFn: (body: { period: string; employeeId?: string; changes: TppInputChangesBody }) => api.post<TppSimulationView>('/api/tpp/simulate', body),
  });
}

export function useTppRuns(period: string) {
  return useQuery({ queryKey: tppKeys.runs(period), queryFn: ({ signal }) => api.get<{ items: TppRunView[] }>('/api/tpp/runs', { period }, signal) });
}

/** A run's progress, polled while it waits or runs (the progress bar). */
export function useTppRun(id: string | null) {
  return useQuery({
    queryKey: tppKeys.run(id ?? ''),
    queryFn: ({ signal }) => api.get<TppRunView>(`/api/tpp/runs/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 1_500),
  });
}

export function useStartTppRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; unitId: string | null }) => api.post<TppRunView>('/api/tpp/runs', body),
    onSuccess: (run) => void client.invalidateQueries({ queryKey: tppKeys.runs(run.period) }),
  });
}

export type TppResultSort = 'change' | 'name' | 'net';
/** A month's results in scope, biggest changes first unless sorted otherwise; `search` narrows to a name or NIP. */
export function useTppResults(period: string, unitId: string | null, search = '', sort: TppResultSort = 'change') {
  return useQuery({
    queryKey: tppKeys.results(period, unitId, search, sort),
    queryFn: ({ signal }) => api.get<TppResultList>('/api/tpp/results', { period, unitId, q: search, sort, limit: 200 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTppSummary(period: string) {
  return useQuery({ queryKey: tppKeys.summary(period), queryFn: ({ signal }) => api.get<TppSummaryView>('/api/tpp/summary', { period }, signal) });
}

export function useTppRuleSets(includeSuperseded: boolean) {
  return useQuery({
    queryKey: tppKeys.ruleSets(includeSuperseded),
    queryFn: ({ signal }) => api.get<{ items: TppRuleSetVersionView[] }>('/api/tpp/rule-sets', { includeSuperseded: String(includeSuperseded) }, signal),
  });
}

export function useTppRuleSetExamples() {
  return useQuery({ queryKey: tppKeys.examples, queryFn: ({ signal }) => api.get<z.infer<typeof tppRuleSetExampleList>>('/api/tpp/rule-sets/examples', undefined, signal) });
}

/** Create (id null) or replace a version from JSON text; the server lists every problem with its path. */
export function useSaveTppRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string | null; text: string }) =>
      id ? api.put<TppRuleSetVersionView>(`/api/tpp/rule-sets/${id}`, { ruleSet: text }) : api.post<TppRuleSetVersionView>('/api/tpp/rule-sets', { ruleSet: text }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tpp', 'rule-sets'] }),
  });
}

export function useRetireTppRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/tpp/rule-sets/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tpp', 'rule-sets'] }),
  });
}

export const downloadTppSlip = (employeeId: string | null, period: string) =>
  api.download(buildUrl(employeeId ? `/api/tpp/employees/${employeeId}/slip.pdf` : '/api/tpp/me/slip.pdf', { period }), `slip-tpp-${period}.pdf`);
export const downloadPayroll = (period: string, unitId: string | null) => api.download(buildUrl('/api/tpp/exports/payroll.xlsx', { period, unitId }), `rekap-tpp-${period}.xlsx`);
export const downloadPayrollPdf = (period: string, unitId: string) => api.download(buildUrl('/api/tpp/exports/payroll.pdf', { period, unitId }), `daftar-pembayaran-tpp-${period}.pdf`);
export const downloadUnitSlips = (period: string, unitId: string) => api.download(buildUrl('/api/tpp/exports/slips.pdf', { period, unitId }), `slip-tpp-unit-${period}.pdf`);
export const downloadSummary = (period: string, format: 'xlsx' | 'pdf') => api.download(buildUrl(`/api/tpp/exports/summary.${format}`, { period }), `ringkasan-tpp-${period}.${format}`);
export const downloadRuleSet = (id: string) => api.download(`/api/tpp/rule-sets/${id}/export`, 'aturan-tpp.json');
