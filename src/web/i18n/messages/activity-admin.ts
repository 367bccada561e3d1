/** Messages of one feature area, Bahasa Indonesia first; `activityAdminEn` must have exactly the same keys. */
export const activityAdminId = {
  'activityAdmin.placeholderTitle': 'activity-admin',
} satisfies Record<string, string>;

export const activityAdminEn: Record<keyof typeof activityAdminId, string> = {
  'activityAdmin.placeholderTitle': 'activity-admin',
};
