// Query keys of the user's own notifications, apart so the live connection can refresh
// them without loading the bell's code.
export const userNotificationKeys = { all: ['me', 'notifications'] as const };
