import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttendanceBoard, AttendanceRecap, dailyList } from '../../../contracts/attendance-daily';
import type { attachmentResult, AttendanceRequestView, DecideRequestBody, LeaveBalance, RequestStatus, requestList, SubmitRequestBody } from '../../../contracts/attendance-requests';
import type { createHolidayRequest, holiday, holidayList, updateHolidayRequest, workDayList } from '../../../contracts/attendance-schedules';
import { api, buildUrl } from '../../api/client';

export type DailyList = z.infer<typeof dailyList>;
export type WorkDayList = z.infer<typeof workDayList>;
export type RequestList = z.infer<typeof requestList>;
export type Attachment = z.infer<typeof attachmentResult>;
export type Holiday = z.infer<typeof holiday>;
export type HolidayList = z.infer<typeof holidayList>;
export type CreateHolidayRequest = z.input<typeof createHolidayRequest>;
export type UpdateHolidayRequest = z.input<typeof updateHolidayRequest>;

export const attendanceKeys = {
  all: ['attendance'] as const,
  daily: (employeeId: string, from: string, to: string) => ['attendance', 'daily', employeeId, from, to] as const,
  workDays: (employeeId: string, from: string, to: string) => ['attendance', 'work-days', employeeId, from, to] as const,
  leaveBalance: (year: number) => ['attendance', 'leave-balance', year] as const,
  requests: (scope: 'mine' | 'to_approve', status: RequestStatus | null) => ['attendance', 'requests', scope, status] as const,
  board: (unitId: string, date: string) => ['attendance', 'board', unitId, date] as const,
  recap: (unitId: string, month: string) => ['attendance', 'recap', unitId, month] as const,
  holidays: (year: number) => ['attendance', 'holidays', year] as const,
};

export function useDailyAttendance(employeeId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: attendanceKeys.daily(employeeId ?? '', from, to),
    queryFn: ({ signal }) => api.get<DailyList>('/api/attendance/daily', { employeeId, from, to }, signal),
    enabled: employeeId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The planned calendar: working day or not, holiday names, and the unit's time zone for each day. */
export function useWorkDays(employeeId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: attendanceKeys.workDays(employeeId ?? '', from, to),
    queryFn: ({ signal }) => api.get<WorkDayList>('/api/attendance/work-days', { employeeId, from, to }, signal),
    enabled: employeeId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useLeaveBalance(year: number) {
  return useQuery({
    queryKey: attendanceKeys.leaveBalance(year),
    queryFn: ({ signal }) => api.get<LeaveBalance>('/api/attendance/leave-balance', { year }, signal),
  });
}

export function useRequests(scope: 'mine' | 'to_approve', status: RequestStatus | null = null) {
  return useQuery({
    queryKey: attendanceKeys.requests(scope, status),
    queryFn: ({ signal }) => api.get<RequestList>('/api/attendance/requests', { scope, status }, signal),
  });
}

/** A request changes the calendar, the balance and both request lists: refresh everything attendance. */
function useInvalidateAttendance() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all });
}

export function useSubmitRequest() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: async ({ file, ...body }: SubmitRequestBody & { file: File | null }) => {
      let attachmentId = body.attachmentId;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        attachmentId = (await api.upload<Attachment>('/api/attendance/attachments', form)).id;
      }
      return api.post<AttendanceRequestView>('/api/attendance/requests', { ...body, attachmentId });
    },
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useCancelRequest() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (id: string) => api.post<AttendanceRequestView>(`/api/attendance/requests/${id}/cancel`),
    onSuccess: invalidate,
  });
}

export function useDecideRequest() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: ({ id, ...body }: DecideRequestBody & { id: string }) => api.post<AttendanceRequestView>(`/api/attendance/requests/${id}/decision`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useAttendanceBoard(unitId: string | null, date: string) {
  return useQuery({
    queryKey: attendanceKeys.board(unitId ?? '', date),
    queryFn: ({ signal }) => api.get<AttendanceBoard>('/api/attendance/board', { unitId, date }, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAttendanceRecap(unitId: string | null, month: string) {
  return useQuery({
    queryKey: attendanceKeys.recap(unitId ?? '', month),
    queryFn: ({ signal }) => api.get<AttendanceRecap>('/api/attendance/recap', { unitId, month }, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export const downloadRecap = (unitId: string, month: string) =>
  api.download(buildUrl('/api/attendance/recap.xlsx', { unitId, month }), `rekap-presensi-${month}.xlsx`);

/** Opens an uploaded attachment through the session (it is not a public URL). */
export const downloadAttachment = (id: string) => api.download(`/api/attendance/attachments/${id}`, 'lampiran');

export function useHolidays(year: number) {
  return useQuery({
    queryKey: attendanceKeys.holidays(year),
    queryFn: ({ signal }) => api.get<HolidayList>('/api/attendance/holidays', { year, includeInactive: true }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveHoliday() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: (input: { id: string | null; create: CreateHolidayRequest; update: UpdateHolidayRequest }) =>
      input.id ? api.patch<Holiday>(`/api/attendance/holidays/${input.id}`, input.update) : api.post<Holiday>('/api/attendance/holidays', input.create),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useSetHolidayActive() {
  const invalidate = useInvalidateAttendance();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.post<Holiday>(`/api/attendance/holidays/${id}/${isActive ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}
