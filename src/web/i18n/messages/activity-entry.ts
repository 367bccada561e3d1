/** Messages of one feature area, Bahasa Indonesia first; `activityEntryEn` must have exactly the same keys. */
export const activityEntryId = {
  'activityEntry.placeholderTitle': 'activity-entry',
} satisfies Record<string, string>;

export const activityEntryEn: Record<keyof typeof activityEntryId, string> = {
  'activityEntry.placeholderTitle': 'activity-entry',
};
