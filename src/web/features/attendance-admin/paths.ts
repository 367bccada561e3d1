/**
 * The URL paths of the attendance administration pages (proposed to the router; links and the
 * browser journey use these so they stay in step).
 */
export const attendanceAdminPaths = {
  devices: '/devices',
  device: (id: string) => `/devices/${id}`,
  heldPunches: '/devices/held',
  schedules: '/attendance/schedules',
  scheduleAssignments: '/attendance/schedule-assignments',
  rosters: '/attendance/rosters',
  unitRequests: '/attendance/unit-requests',
  subordinates: '/attendance/subordinates',
  subordinate: (employeeId: string) => `/attendance/subordinates/${employeeId}`,
} as const;
