import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntry, auditPage } from '../../../contracts/audit';
import { api } from '../../api/client';
import { dayRangeToInstants } from '../../lib/dates';

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;

export interface AuditFilters {
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  requestId: string;
  /** Calendar days in the viewer's zone, `YYYY-MM-DD`. */
  fromDate: string | null;
  toDate: string | null;
}

export const emptyAuditFilters: AuditFilters = { entityType: '', entityId: '', action: '', actor: '', requestId: '', fromDate: null, toDate: null };

const filterKeys = ['entityType', 'entityId', 'action', 'actor', 'requestId'] as const;

/** Filters live in the URL so an audit view can be linked ("history of this employee"). */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters = { ...emptyAuditFilters };
  for (const key of filterKeys) filters[key] = params.get(key) ?? '';
  const isDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  filters.fromDate = isDate(params.get('from'));
  filters.toDate = isDate(params.get('to'));
  return filters;
}

export function writeAuditFilters(filters: AuditFilters, page: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key].trim()) params.set(key, filters[key].trim());
  if (filters.fromDate) params.set('from', filters.fromDate);
  if (filters.toDate) params.set('to', filters.toDate);
  if (page > 1) params.set('page', String(page));
  return params;
}

export function useAuditEntries(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<AuditPage>(
        '/api/audit',
        {
          entityType: filters.entityType.trim(),
          entityId: filters.entityId.trim(),
          action: filters.action.trim(),
          actor: filters.actor.trim(),
          requestId: filters.requestId.trim(),
          ...dayRangeToInstants(filters.fromDate, filters.toDate),
          page,
          pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The entity types the trail holds (a handful of index probes on the server), for the filter's suggestions. */
export function useAuditEntityTypes() {
  return useQuery({
    queryKey: ['audit', 'entity-types'],
    queryFn: ({ signal }) => api.get<{ items: string[] }>('/api/audit/entity-types', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
