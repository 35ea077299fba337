// The API's shapes, as types, from the server's zod contracts (src/modules/*/*.contract.ts):
// one definition for the server and the app. Type-only: nothing here reaches the bundle.
import type { z } from 'zod';
import type { loginResponse, meSchema, userSchema } from '../../../src/modules/access/access.contract.ts';
import type { CaseDto, caseListQuery, CaseEventDto, postMessageBody, referenceItemSchema, UpdateCaseInput } from '../../../src/modules/cases/cases.contract.ts';
import type { teamSchema } from '../../../src/modules/org/org.contract.ts';
import type { mentionableUserSchema } from '../../../src/modules/user-notifications/user-notifications.contract.ts';

export type { CaseDto, CaseEventDto, UpdateCaseInput };
export type { ClockDto } from '../../../src/modules/sla/sla.contract.ts';
export type { MacroActions, MacroDto, RenderedMacroDto, CreateMacroInput, UpdateMacroInput } from '../../../src/modules/automation/macros.contract.ts';
export type { ReplyChannelDto } from '../../../src/modules/cases/reply.contract.ts';
export type { UserNotificationDto } from '../../../src/modules/user-notifications/user-notifications.contract.ts';
export type { ActorType, CaseStatus, Channel, EventType, Priority } from '../../../src/modules/cases/cases.contract.ts';

export type Me = z.infer<typeof meSchema>;
export type LoginResponse = z.infer<typeof loginResponse>;
export type User = z.infer<typeof userSchema>;
export type Team = z.infer<typeof teamSchema>;
export type ReferenceItem = z.infer<typeof referenceItemSchema>;
/** The case list's query string as sent (before the server's parsing). */
export type CaseListParams = z.input<typeof caseListQuery>;
export type PostMessageInput = z.input<typeof postMessageBody>;
export type MentionableUser = z.infer<typeof mentionableUserSchema>;

/** A page of a cursor-paginated list (src/platform/http/pagination.ts, pageOf). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
