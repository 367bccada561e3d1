import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApelAttendanceListView, apelScheduleBody, ApelScheduleView, setApelAttendanceBody } from '../../../contracts/attendance-apel';
import { api } from '../../api/client';

export type { ApelAttendanceListView, ApelScheduleView };
export type ApelScheduleInput = z.input<typeof apelScheduleBody>;

const apelKeys = {
  all: ['attendance', 'apel'] as const,
  schedules: (includeInactive: boolean) => ['attendance', 'apel', 'schedules', includeInactive] as const,
  attendance: (scheduleId: string, date: string, unitId: string) => ['attendance', 'apel', 'attendance', scheduleId, date, unitId] as const,
};

export function useApelSchedules(includeInactive: boolean) {
  return useQuery({
    queryKey: apelKeys.schedules(includeInactive),
    queryFn: ({ signal }) => api.get<{ items: ApelScheduleView[] }>('/api/attendance/apel-schedules', { includeInactive: includeInactive ? 'true' : undefined }, signal),
  });
}

export function useSaveApelSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ApelScheduleInput }) =>
      id ? api.put<ApelScheduleView>(`/api/attendance/apel-schedules/${id}`, body) : api.post<ApelScheduleView>('/api/attendance/apel-schedules', body),
    meta: { isErrorShownInline: true },
    onSuccess: () => client.invalidateQueries({ queryKey: apelKeys.all }),
  });
}

export function useApelAttendance(scheduleId: string | null, date: string, unitId: string | null) {
  return useQuery({
    queryKey: apelKeys.attendance(scheduleId ?? '', date, unitId ?? ''),
    queryFn: ({ signal }) => api.get<ApelAttendanceListView>('/api/attendance/apel-attendance', { scheduleId, date, unitId }, signal),
    enabled: scheduleId !== null && unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSetApelAttendance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof setApelAttendanceBody>) => api.put<{ changed: number }>('/api/attendance/apel-attendance', body),
    meta: { isErrorShownInline: true },
    onSuccess: () => client.invalidateQueries({ queryKey: apelKeys.all }),
  });
}
