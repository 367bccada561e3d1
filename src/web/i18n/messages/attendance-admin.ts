/** Messages of one feature area, Bahasa Indonesia first; `attendanceAdminEn` must have exactly the same keys. */
export const attendanceAdminId = {
  'attendanceAdmin.placeholderTitle': 'attendance-admin',
} satisfies Record<string, string>;

export const attendanceAdminEn: Record<keyof typeof attendanceAdminId, string> = {
  'attendanceAdmin.placeholderTitle': 'attendance-admin',
};
