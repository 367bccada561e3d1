import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  approveDeviceRequest,
  createDeviceMappingRequest,
  createDeviceRequest,
  Device,
  deviceCommandList,
  deviceCommandRequest,
  deviceList,
  deviceMapping,
  deviceMappingList,
  heldPunch,
  heldPunchBulkReviewRequest,
  heldPunchFilterStatuses,
  heldPunchPage,
  heldPunchReviewRequest,
  HeldPunchReviewResult,
  mappingResult,
  updateDeviceMappingRequest,
  updateDeviceRequest,
} from '../../../contracts/attendance-devices';
import { api } from '../../api/client';

export type DeviceList = z.infer<typeof deviceList>;
export type HeldPunch = z.infer<typeof heldPunch>;
export type HeldPunchPage = z.infer<typeof heldPunchPage>;
export type ApproveDeviceRequest = z.input<typeof approveDeviceRequest>;
export type CreateDeviceRequest = z.input<typeof createDeviceRequest>;
export type UpdateDeviceRequest = z.input<typeof updateDeviceRequest>;
export type DeviceMapping = z.infer<typeof deviceMapping>;
export type DeviceMappingList = z.infer<typeof deviceMappingList>;
export type CreateDeviceMappingRequest = z.input<typeof createDeviceMappingRequest>;
export type UpdateDeviceMappingRequest = z.input<typeof updateDeviceMappingRequest>;
export type MappingResult = z.infer<typeof mappingResult>;
export type DeviceCommandList = z.infer<typeof deviceCommandList>;
export type DeviceCommandRequest = z.input<typeof deviceCommandRequest>;
export type HeldReviewStatus = (typeof heldPunchFilterStatuses)[number];
export type HeldPunchReviewRequest = z.input<typeof heldPunchReviewRequest>;
export type HeldPunchBulkReviewRequest = z.input<typeof heldPunchBulkReviewRequest>;
export type { HeldPunchReviewResult };

export interface HeldPunchFilters {
  deviceId: string | null;
  reviewStatus: HeldReviewStatus | null;
  page: number;
  pageSize: number;
}

export const deviceKeys = {
  all: ['devices'] as const,
  list: ['devices', 'list'] as const,
  heldTotal: ['devices', 'held-total'] as const,
  held: (filters: HeldPunchFilters) => ['devices', 'held', filters] as const,
  detail: (id: string) => ['devices', 'detail', id] as const,
  mappings: (id: string) => ['devices', 'mappings', id] as const,
  commands: (id: string) => ['devices', 'commands', id] as const,
};

export function useDevices() {
  return useQuery({ queryKey: deviceKeys.list, queryFn: ({ signal }) => api.get<DeviceList>('/api/devices', undefined, signal), refetchInterval: 60_000 });
}

export function useDevice(id: string | null) {
  return useQuery({
    queryKey: deviceKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Device>(`/api/devices/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: 60_000,
  });
}

/** Only the count of held punches (including those from unknown machines, which no device row lists). */
export function useHeldPunchTotal() {
  return useQuery({
    queryKey: deviceKeys.heldTotal,
    queryFn: async ({ signal }) => (await api.get<HeldPunchPage>('/api/punches/held', { pageSize: 1 }, signal)).total,
    refetchInterval: 60_000,
  });
}

export function useHeldPunches(filters: HeldPunchFilters) {
  return useQuery({
    queryKey: deviceKeys.held(filters),
    queryFn: ({ signal }) => api.get<HeldPunchPage>('/api/punches/held', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * A device change may release held punches into attendance (approval, a zone fixed, a PIN
 * mapped): device data and attendance both change.
 */
function useInvalidateDevices() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: deviceKeys.all }), queryClient.invalidateQueries({ queryKey: ['attendance'] })]);
}

export function useApproveDevice() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: ({ id, ...body }: ApproveDeviceRequest & { id: string }) => api.post<Device>(`/api/devices/${id}/approve`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

/** Registers a serial number (allow-list, active at once) or edits a device. */
export function useSaveDevice() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: (input: { id: string | null; create: CreateDeviceRequest; update: UpdateDeviceRequest }) =>
      input.id ? api.patch<Device>(`/api/devices/${input.id}`, input.update) : api.post<Device>('/api/devices', input.create),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDisableDevice() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: (id: string) => api.post<Device>(`/api/devices/${id}/disable`),
    onSuccess: invalidate,
  });
}

export function useDeviceMappings(deviceId: string | null) {
  return useQuery({
    queryKey: deviceKeys.mappings(deviceId ?? ''),
    queryFn: ({ signal }) => api.get<DeviceMappingList>(`/api/devices/${deviceId}/mappings`, undefined, signal),
    enabled: deviceId !== null,
  });
}

export function useSaveMapping() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: (input: { deviceId: string; mappingId: string | null; create: CreateDeviceMappingRequest; update: UpdateDeviceMappingRequest }) =>
      input.mappingId
        ? api.patch<MappingResult>(`/api/devices/${input.deviceId}/mappings/${input.mappingId}`, input.update)
        : api.post<MappingResult>(`/api/devices/${input.deviceId}/mappings`, input.create),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useDeleteMapping() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: ({ deviceId, mappingId }: { deviceId: string; mappingId: string }) => api.remove<null>(`/api/devices/${deviceId}/mappings/${mappingId}`),
    onSuccess: invalidate,
  });
}

export function useDeviceCommands(deviceId: string | null) {
  return useQuery({
    queryKey: deviceKeys.commands(deviceId ?? ''),
    queryFn: ({ signal }) => api.get<DeviceCommandList>(`/api/devices/${deviceId}/commands`, undefined, signal),
    enabled: deviceId !== null,
    // Results come back on the device's next poll.
    refetchInterval: 15_000,
  });
}

export function useEnqueueCommand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deviceId, command }: { deviceId: string; command: DeviceCommandRequest }) => api.post<{ id: number }>(`/api/devices/${deviceId}/commands`, command),
    meta: { isErrorShownInline: true },
    onSuccess: (_data, variables) => queryClient.invalidateQueries({ queryKey: deviceKeys.commands(variables.deviceId) }),
  });
}

/** Accepting a held punch releases it into attendance; dismissing only changes the held list. */
export function useReviewHeldPunch() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: ({ id, ...body }: HeldPunchReviewRequest & { id: number }) => api.post<HeldPunchReviewResult>(`/api/punches/held/${id}/review`, body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

/** One decision for every implausible-time punch of a device in a date range. */
export function useReviewHeldPunches() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: (body: HeldPunchBulkReviewRequest) => api.post<HeldPunchReviewResult>('/api/punches/held/review', body),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}
