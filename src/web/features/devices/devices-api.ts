import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { approveDeviceRequest, Device, deviceList, heldPunchPage } from '../../../contracts/attendance-devices';
import { api } from '../../api/client';

export type DeviceList = z.infer<typeof deviceList>;
export type HeldPunchPage = z.infer<typeof heldPunchPage>;
export type ApproveDeviceRequest = z.input<typeof approveDeviceRequest>;

export const deviceKeys = {
  all: ['devices'] as const,
  list: ['devices', 'list'] as const,
  heldTotal: ['devices', 'held-total'] as const,
};

export function useDevices() {
  return useQuery({ queryKey: deviceKeys.list, queryFn: ({ signal }) => api.get<DeviceList>('/api/devices', undefined, signal), refetchInterval: 60_000 });
}

/** Only the count of held punches (including those from unknown machines, which no device row lists). */
export function useHeldPunchTotal() {
  return useQuery({
    queryKey: deviceKeys.heldTotal,
    queryFn: async ({ signal }) => (await api.get<HeldPunchPage>('/api/punches/held', { pageSize: 1 }, signal)).total,
    refetchInterval: 60_000,
  });
}

export function useApproveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ApproveDeviceRequest & { id: string }) => api.post<Device>(`/api/devices/${id}/approve`, body),
    meta: { isErrorShownInline: true },
    // Approval releases held punches into attendance: device counts and attendance both change.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: deviceKeys.all }), queryClient.invalidateQueries({ queryKey: ['attendance'] })]),
  });
}
