// Every table, in one place, for drizzle-kit (migrations) and for anyone looking for one.
export * from './platform/jobs/jobs.schema.ts';
export * from './platform/http/http.schema.ts';
export * from './modules/org/org.schema.ts';
export * from './modules/access/access.schema.ts';
export * from './modules/customers/customers.schema.ts';
export * from './modules/cases/cases.schema.ts';
export * from './modules/collab/collab.schema.ts';
export * from './modules/views/views.schema.ts';
export * from './modules/audit/audit.schema.ts';
export * from './modules/sla/sla.schema.ts';
export * from './modules/notifications/notifications.schema.ts';
export * from './channels/accounts/accounts.schema.ts';
export * from './channels/inbound/inbound.schema.ts';
export * from './channels/phone/phone.schema.ts';
export * from './channels/chat/chat.schema.ts';
export * from './modules/automation/macros.schema.ts';
export * from './modules/user-notifications/user-notifications.schema.ts';
