/** Messages of one feature area, Bahasa Indonesia first; `activityApprovalEn` must have exactly the same keys. */
export const activityApprovalId = {
  'activityApproval.placeholderTitle': 'activity-approval',
} satisfies Record<string, string>;

export const activityApprovalEn: Record<keyof typeof activityApprovalId, string> = {
  'activityApproval.placeholderTitle': 'activity-approval',
};
