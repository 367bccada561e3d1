import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttendanceRequestView, RecordRequestBody, RequestStatus, requestList } from '../../../contracts/attendance-requests';
import type {
  createScheduleAssignmentRequest,
  schedule,
  scheduleAssignment,
  scheduleAssignmentList,
  scheduleList,
  scheduleRequest,
  setShiftRosterRequest,
  shiftRoster,
  updateScheduleAssignmentRequest,
} from '../../../contracts/attendance-schedules';
import type { SubordinateDayList, SubordinateMonthList } from '../../../contracts/attendance-subordinates';
import type { employeePage } from '../../../contracts/org';
import { api } from '../../api/client';

export type Schedule = z.infer<typeof schedule>;
export type ScheduleList = z.infer<typeof scheduleList>;
export type ScheduleRequest = z.input<typeof scheduleRequest>;
export type ScheduleAssignment = z.infer<typeof scheduleAssignment>;
export type ScheduleAssignmentList = z.infer<typeof scheduleAssignmentList>;
export type CreateScheduleAssignmentRequest = z.input<typeof createScheduleAssignmentRequest>;
export type UpdateScheduleAssignmentRequest = z.input<typeof updateScheduleAssignmentRequest>;
export type ShiftRoster = z.infer<typeof shiftRoster>;
export type SetShiftRosterRequest = z.input<typeof setShiftRosterRequest>;
export type RequestList = z.infer<typeof requestList>;
export type EmployeePage = z.infer<typeof employeePage>;

export interface AssignmentFilters {
  unitId: string | null;
  scheduleId: string | null;
  activeOn: string | null;
}

/** Under 'attendance', so every attendance change (requests, schedules) refreshes these views too. */
export const attendanceAdminKeys = {
  schedules: ['attendance', 'schedules'] as const,
  assignments: (filters: AssignmentFilters) => ['attendance', 'schedule-assignments', filters] as const,
  roster: (unitId: string, month: string) => ['attendance', 'roster', unitId, month] as const,
  unitEmployees: (unitId: string, includeSubunits: boolean) => ['attendance', 'unit-employees', unitId, includeSubunits] as const,
  unitRequests: (unitId: string, status: RequestStatus | null) => ['attendance', 'unit-requests', unitId, status] as const,
  subordinatesDay: (date: string) => ['attendance', 'subordinates-day', date] as const,
  subordinatesMonth: (month: string) => ['attendance', 'subordinates-month', month] as const,
};

function useInvalidateAttendance() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['attendance'] });
}

export function useSchedules() {
  return useQuery({ queryKey: attendanceAdminKeys.schedules, queryFn: ({ signal }) => api.get<ScheduleList>('/api/attendance/schedules', undefined, signal) });
}

export function useSaveSchedule() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ScheduleRequest }) =>
      id ? api.put<Schedule>(`/api/attendance/schedules/${id}`, body) : api.post<Schedule>('/api/attendance/schedules', body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetScheduleActive() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<Schedule>(`/api/attendance/schedules/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useScheduleAssignments(filters: AssignmentFilters) {
  return useQuery({
    queryKey: attendanceAdminKeys.assignments(filters),
    queryFn: ({ signal }) => api.get<ScheduleAssignmentList>('/api/attendance/schedule-assignments', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveScheduleAssignment() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (input: { id: string | null; create: CreateScheduleAssignmentRequest; update: UpdateScheduleAssignmentRequest }) =>
      input.id
        ? api.patch<{ ok: true }>(`/api/attendance/schedule-assignments/${input.id}`, input.update).then(() => ({ id: input.id as string }))
        : api.post<{ id: string }>('/api/attendance/schedule-assignments', input.create),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDeleteScheduleAssignment() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (id: string) => api.remove<{ ok: true }>(`/api/attendance/schedule-assignments/${id}`),
    onSuccess: invalidate,
  });
}

/** Every active employee of a unit, optionally with its sub-units (the rows of a roster), in pages of 200. */
async function fetchUnitEmployees(unitId: string, includeSubunits: boolean, signal: AbortSignal) {
  const items: EmployeePage['items'] = [];
  for (let page = 1; page <= 10; page++) {
    const result = await api.get<EmployeePage>('/api/employees', { unitId, includeSubunits, page, pageSize: 200 }, signal);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export function useUnitEmployees(unitId: string | null, includeSubunits: boolean) {
  return useQuery({
    queryKey: attendanceAdminKeys.unitEmployees(unitId ?? '', includeSubunits),
    queryFn: ({ signal }) => fetchUnitEmployees(unitId ?? '', includeSubunits, signal),
    enabled: unitId !== null,
  });
}

export function useShiftRoster(unitId: string | null, month: string) {
  return useQuery({
    queryKey: attendanceAdminKeys.roster(unitId ?? '', month),
    queryFn: ({ signal }) => api.get<ShiftRoster>('/api/attendance/shift-rosters', { unitId, month }, signal),
    enabled: unitId !== null,
  });
}

export function useSaveShiftRoster() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (body: SetShiftRosterRequest) => api.put<{ employeeCount: number; entryCount: number }>('/api/attendance/shift-rosters', body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useUnitRequests(unitId: string | null, status: RequestStatus | null) {
  return useQuery({
    queryKey: attendanceAdminKeys.unitRequests(unitId ?? '', status),
    queryFn: ({ signal }) => api.get<RequestList>('/api/attendance/requests', { scope: 'unit', unitId, status }, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRecordRequest() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: async ({ file, ...body }: RecordRequestBody & { file: File | null }) => {
      let attachmentId = body.attachmentId;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        attachmentId = (await api.upload<{ id: string }>('/api/attendance/attachments', form)).id;
      }
      return api.post<AttendanceRequestView>('/api/attendance/requests/record', { ...body, attachmentId });
    },
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useCancelUnitRequest() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (id: string) => api.post<AttendanceRequestView>(`/api/attendance/requests/${id}/cancel`),
    onSuccess: invalidate,
  });
}

export function useSubordinatesDay(date: string) {
  return useQuery({
    queryKey: attendanceAdminKeys.subordinatesDay(date),
    queryFn: ({ signal }) => api.get<SubordinateDayList>('/api/attendance/subordinates/day', { date }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSubordinatesMonth(month: string) {
  return useQuery({
    queryKey: attendanceAdminKeys.subordinatesMonth(month),
    queryFn: ({ signal }) => api.get<SubordinateMonthList>('/api/attendance/subordinates/month', { month }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Employee picker search (the server narrows to the caller's scope). */
export async function searchEmployeeOptions(text: string, signal: AbortSignal) {
  const page = await api.get<EmployeePage>('/api/employees', { q: text, pageSize: 20 }, signal);
  return page.items.map((item) => ({ value: item.id, label: `${item.fullName} — ${item.nip}` }));
}
