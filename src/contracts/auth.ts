import { z } from 'zod';
import { ROLES } from './roles';

export const roleSchema = z.enum(ROLES);

export const loginRequest = z.object({
  login: z.string().trim().min(1, 'NIP atau nama pengguna wajib diisi').max(100),
  password: z.string().min(1, 'Kata sandi wajib diisi').max(200),
});

export const meResponse = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  username: z.string().nullable(),
  employeeId: z.uuid().nullable(),
  nip: z.string().nullable(),
  roles: z.array(roleSchema),
  adminUnitIds: z.array(z.uuid()),
  mustChangePassword: z.boolean(),
  /** Reviews SKPs as pejabat penilai (has subordinates or a BKPSDM designation in force); the 'atasan' role stays "has subordinates". */
  assessesSkp: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Kata sandi saat ini wajib diisi').max(200),
  newPassword: z.string().min(1, 'Kata sandi baru wajib diisi').max(200),
});
