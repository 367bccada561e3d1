import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserRequest, grantedRoleSchema, roleGrant, updateUserRequest, userPage, userSummary } from '../../../contracts/users';
import { api } from '../../api/client';

export type UserSummary = z.infer<typeof userSummary>;
export type UserPage = z.infer<typeof userPage>;
export type GrantedRole = z.infer<typeof grantedRoleSchema>;
export type RoleGrant = z.input<typeof roleGrant>;
export type CreateUserRequest = z.input<typeof createUserRequest>;
export type UpdateUserRequest = z.input<typeof updateUserRequest>;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number) => ['users', 'list', q, page] as const,
};

export function useUserList(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(q, page),
    queryFn: ({ signal }) => api.get<UserPage>('/api/users', { q: q.trim(), page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  // hasAccount on employees changes with account creation.
  return () => Promise.all([userKeys.all, ['employees']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api.post<{ id: string }>('/api/users', input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserRequest & { id: string }) => api.patch<{ ok: true }>(`/api/users/${id}`, input),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post<{ ok: true }>(`/api/users/${id}/reset-password`, { password }),
    meta: { isErrorShownInline: true },
    onSuccess: invalidate,
  });
}
