import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createPayDataBody, PayDataHistoryView, PayDataImportResult, PayDataListItem, PayDataRecordView, updatePayDataBody } from '../../../contracts/tpp-pay-data';
import { api } from '../../api/client';

export type { PayDataImportResult, PayDataListItem, PayDataRecordView };
export type PayDataPage = { items: PayDataListItem[]; total: number; page: number; pageSize: number };
export interface PayDataFilters {
  unitId: string | null;
  date: string;
  search: string;
  missingOnly: boolean;
  page: number;
}

export const PAY_DATA_PAGE_SIZE = 25;

const payDataKeys = {
  all: ['tpp', 'pay-data'] as const,
  list: (filters: PayDataFilters) => ['tpp', 'pay-data', 'list', filters] as const,
  history: (employeeId: string) => ['tpp', 'pay-data', 'history', employeeId] as const,
};

export function usePayDataList(filters: PayDataFilters) {
  return useQuery({
    queryKey: payDataKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PayDataPage>(
        '/api/tpp/pay-data',
        { unitId: filters.unitId, date: filters.date, search: filters.search.trim(), missingOnly: filters.missingOnly ? 'true' : undefined, page: filters.page, pageSize: PAY_DATA_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePayDataHistory(employeeId: string) {
  return useQuery({ queryKey: payDataKeys.history(employeeId), queryFn: ({ signal }) => api.get<PayDataHistoryView>(`/api/tpp/pay-data/employees/${employeeId}`, undefined, signal) });
}

function useInvalidatePayData() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: payDataKeys.all });
}

export function useSavePayData() {
  const invalidate = useInvalidatePayData();
  return useMutation({
    mutationFn: (input: { id: string | null; body: z.input<typeof createPayDataBody> }) => {
      const { employeeId: _employeeId, ...fields } = input.body;
      const update: z.input<typeof updatePayDataBody> = fields;
      return input.id ? api.put<PayDataRecordView>(`/api/tpp/pay-data/${input.id}`, update) : api.post<PayDataRecordView>('/api/tpp/pay-data', input.body);
    },
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDeletePayData() {
  const invalidate = useInvalidatePayData();
  return useMutation({ mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/tpp/pay-data/${id}`), onSuccess: invalidate });
}

export function useRunPayDataImport() {
  const invalidate = useInvalidatePayData();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<PayDataImportResult>('/api/tpp/pay-data/import', form, { dryRun: String(dryRun) });
    },
    meta: { isErrorShownInline: true },
    onSuccess: (result) => (result.isCommitted ? invalidate() : undefined),
  });
}

export const canCommitPayDataImport = (dryRun: PayDataImportResult | null, isSameFile: boolean) => dryRun !== null && dryRun.dryRun && isSameFile && dryRun.errors.length === 0 && dryRun.totalRows > 0;

export const downloadPayDataTemplate = () => api.download('/api/tpp/pay-data/template.xlsx', 'templat-impor-data-gaji.xlsx');
