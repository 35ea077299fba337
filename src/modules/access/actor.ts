// Who is acting: a signed-in user (through a session or an API token) or the system itself
// (CLI, bootstrap, jobs). Services take an Actor and check it here; they never see HTTP.
import { forbidden } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { can, unrestricted, type Permission, type Scope } from './access.policy.ts';
import type { Role } from './access.schema.ts';

export interface Actor {
  kind: 'user' | 'system' | 'anonymous';
  userId: string | null;
  /** The user's e-mail, or `system:<what>`: what the audit log shows. */
  label: string;
  role: Role;
  scope: Scope;
  language: Language;
  ip?: string | undefined;
}

export interface Principal extends Actor {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  /** The session or API token id. */
  credentialId: string;
  /** Set for sessions: cookie-authenticated writes must send it back in X-CSRF-Token. */
  csrfToken: string | null;
}

export function systemActor(what: string): Actor {
  return { kind: 'system', userId: null, label: `system:${what}`, role: 'admin', scope: unrestricted, language: 'fr' };
}

/** Someone not signed in (a login attempt, a customer on a public page). Has no permission. */
export function anonymousActor(label: string, ip?: string): Actor {
  return { kind: 'anonymous', userId: null, label, role: 'viewer', scope: unrestricted, language: 'fr', ip };
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'anonymous' || !can(actor.role, permission)) {
    throw forbidden(`Your role (${actor.role}) does not allow ${permission}`);
  }
}
