// Each audit entry said as a sentence in the admin's language: who did what to which thing
// ("Alice Admin a créé le magasin « Grigny »"), with what changed for an update. Names come
// from the entry itself when it kept them, else from the current lists, else a short id.
// Pure: the words come from `t`, the names from `nameOf`.
import type { TFunction } from 'i18next';
import type { AuditEntryDto } from '../../../../src/modules/audit/audit.contract.ts';

export type { AuditEntryDto };

/** The things audit entries are about, as the API names them (targetType, and action prefixes). */
export const auditSubjects = ['user', 'api_token', 'brand', 'store', 'team', 'calendar', 'sla_policy', 'template', 'channel_account', 'reasons', 'steps', 'customer', 'case'] as const;
type Subject = (typeof auditSubjects)[number];

/** The actions Comptoir records, for the filter. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'user.created',
  'user.access_changed',
  'token.created',
  'token.revoked',
  ...(['brand', 'store', 'team', 'calendar', 'sla_policy', 'channel_account'] as const).flatMap((s) => [`${s}.created`, `${s}.updated`, `${s}.deleted`]),
  'channel_account.tested',
  'template.updated',
  'template.reset',
  'reasons.created',
  'reasons.updated',
  'steps.created',
  'steps.updated',
  'customer.merged',
  'customer.merge_dismissed',
  'case.tracking_link_replaced',
  'phone.extension_set',
  'order_import.started',
  'gestures.limits.saved',
  'gestures.scale.saved',
  'gesture.granted',
  'approval.requested',
  'approval.approved',
  'approval.refused',
  'approval.cancelled',
  'approval.escalated',
] as const;

const verbs = ['created', 'updated', 'deleted'] as const;
type Verb = (typeof verbs)[number];

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

export type NameOf = (targetType: string, id: string) => string | null;

/** A cost kept in minor units with its currency, in the reader's language ("25,00 €"). */
function amountOf(amount: unknown, currency: unknown, t: TFunction): string {
  if (typeof amount !== 'number' || typeof currency !== 'string') return '';
  const format = new Intl.NumberFormat(t('language.locale'), { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function subjectOf(entry: AuditEntryDto): Subject | null {
  const prefix = entry.action.split('.')[0];
  const candidate = (entry.targetType ?? prefix) as Subject;
  return (auditSubjects as readonly string[]).includes(candidate) ? candidate : null;
}

/** "le magasin « Grigny »", "la politique de délai « Urgent »". */
function thing(entry: AuditEntryDto, t: TFunction, nameOf: NameOf): string {
  const subject = subjectOf(entry);
  const d = entry.details;
  const name = text(d.name) ?? text(d.labelFr) ?? text(d.email) ?? (entry.targetType && entry.targetId ? nameOf(entry.targetType, entry.targetId) : null) ?? (entry.targetId ? `${entry.targetId.slice(0, 8)}…` : '');
  if (subject === 'template' && entry.targetId) {
    const [key, channel, language] = entry.targetId.split('/');
    return t('admin.audit.things.template', { name: `${t(`admin.templates.keys.${key as 'acknowledgment'}`)} · ${t(`admin.templates.channels.${channel as 'email'}`)} · ${String(language).toUpperCase()}` });
  }
  return subject ? t(`admin.audit.things.${subject}`, { name }) : name;
}

/** The fields an update named, in words: "nom, membres". */
function fieldsOf(details: Record<string, unknown>, t: TFunction): string {
  const keys = Object.keys(details).filter((k) => details[k] !== undefined);
  return keys.map((k) => t(`admin.audit.fields.${k}` as 'admin.audit.fields.name', { defaultValue: k })).join(', ');
}

function accessChanges(details: Record<string, unknown>, t: TFunction): string {
  const parts: string[] = [];
  const role = details.role as { from?: string; to?: string } | undefined;
  if (role?.to) parts.push(t('admin.audit.access.role', { from: t(`admin.users.roles.${role.from as 'admin'}`), to: t(`admin.users.roles.${role.to as 'admin'}`) }));
  const active = details.active as { to?: boolean } | undefined;
  if (active) parts.push(active.to ? t('admin.audit.access.activated') : t('admin.audit.access.deactivated'));
  if (details.brandIds) parts.push(t('admin.audit.access.brands'));
  if (details.storeIds) parts.push(t('admin.audit.access.stores'));
  if (details.password) parts.push(t('admin.audit.access.password'));
  return parts.join(', ');
}

export function describeAudit(entry: AuditEntryDto, actor: string, t: TFunction, nameOf: NameOf): string {
  const d = entry.details;
  const what = thing(entry, t, nameOf);
  const [, verb] = entry.action.split('.');
  switch (entry.action) {
    case 'auth.login':
      return t('admin.audit.says.login', { actor });
    case 'auth.login_failed':
      return t('admin.audit.says.loginFailed', { actor, reason: t(`admin.audit.loginReasons.${(text(d.reason) ?? 'bad_password') as 'bad_password'}`) });
    case 'user.created':
      return t('admin.audit.says.userCreated', { actor, what, role: t(`admin.users.roles.${(text(d.role) ?? 'agent') as 'agent'}`) });
    case 'user.access_changed':
      return t('admin.audit.says.accessChanged', { actor, what, changes: accessChanges(d, t) });
    case 'token.created':
      return t('admin.audit.says.tokenCreated', { actor, name: text(d.name) ?? '' });
    case 'token.revoked':
      return t('admin.audit.says.tokenRevoked', { actor });
    case 'channel_account.tested':
      return d.ok ? t('admin.audit.says.testedOk', { actor, what }) : t('admin.audit.says.testedFailed', { actor, what, checks: (Array.isArray(d.failed) ? d.failed : []).join(', ') });
    case 'template.updated':
      return t('admin.audit.says.templateUpdated', { actor, what });
    case 'template.reset':
      return t('admin.audit.says.templateReset', { actor, what });
    case 'customer.merged':
      return t('admin.audit.says.customerMerged', { actor });
    case 'customer.merge_dismissed':
      return t('admin.audit.says.mergeDismissed', { actor });
    case 'case.tracking_link_replaced':
      return t('admin.audit.says.trackingLink', { actor, number: text(d.number) ?? '' });
    case 'order_import.started':
      return t('admin.audit.says.orderImportStarted', { actor, file: text(d.file) ?? '', source: text(d.source) ?? '' });
    case 'gestures.limits.saved':
      return t('admin.audit.says.gesturesLimitsSaved', { actor, version: entry.targetId ?? '' });
    case 'gestures.scale.saved':
      return t('admin.audit.says.gesturesScaleSaved', { actor, version: entry.targetId ?? '' });
    case 'gesture.granted':
      return t('admin.audit.says.gestureGranted', { actor, cost: amountOf(d.cost, d.currency, t) });
    case 'approval.requested':
      return t('admin.audit.says.approvalRequested', { actor, cost: amountOf(d.amount, d.currency, t) });
    case 'approval.approved':
      return t('admin.audit.says.approvalApproved', { actor });
    case 'approval.refused':
      return t('admin.audit.says.approvalRefused', { actor });
    case 'approval.cancelled':
      return t('admin.audit.says.approvalCancelled', { actor });
    case 'approval.escalated':
      return t('admin.audit.says.approvalEscalated', { actor });
    case 'phone.extension_set':
      return d.extension ? t('admin.audit.says.extensionSet', { actor, what, extension: String(d.extension) }) : t('admin.audit.says.extensionRemoved', { actor, what });
  }
  if ((verbs as readonly string[]).includes(verb ?? '') && subjectOf(entry)) {
    const fields = verb === 'updated' ? fieldsOf(d, t) : '';
    return t(`admin.audit.says.${verb as Verb}`, { actor, what }) + (fields ? ` (${fields})` : '');
  }
  return t('admin.audit.says.other', { actor, action: entry.action, what }).trim();
}
