// Each audit entry said as a sentence in the admin's language: who did what to which thing
// ("Alice Admin a créé le magasin « Grigny »"), with what changed for an update. Names come
// from the entry itself when it kept them, else from the current lists, else a short id.
// Pure: the words come from `t`, the names from `nameOf`.
import type { TFunction } from 'i18next';
import type { AuditEntryDto } from '../../../../src/modules/audit/audit.contract.ts';

export type { AuditEntryDto };

/** The things audit entries are about, as the API names them (targetType, and action prefixes). */
export const auditSubjects = ['user', 'api_token', 'brand', 'store', 'team', 'calendar', 'sla_policy', 'template', 'channel_account', 'reasons', 'steps', 'customer', 'case', 'macro', 'saved_view', 'order_source'] as const;
type Subject = (typeof auditSubjects)[number];

/** The actions Comptoir records, for the filter. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'user.created',
  'user.access_changed',
  'token.created',
  'token.revoked',
  ...(['brand', 'store', 'team', 'calendar', 'sla_policy', 'channel_account', 'macro', 'view'] as const).flatMap((s) => [`${s}.created`, `${s}.updated`, `${s}.deleted`]),
  'channel_account.tested',
  'order_source.created',
  'order_source.updated',
  'order_source.tested',
  'order_source.sync_requested',
  'policy.saved',
  'template.updated',
  'template.reset',
  'reasons.created',
  'reasons.updated',
  'steps.created',
  'steps.updated',
  'customer.merged',
  'customer.merge_dismissed',
  'case.tracking_link_replaced',
  'case.merged',
  'case.split',
  'case.linked',
  'case.unlinked',
  'case.order_line_linked',
  'case.order_line_unlinked',
  'social.handed_over',
  'workload.reassigned',
  'phone.extension_set',
  'order_import.started',
  'store_stock.updated',
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
  // Saved views are recorded as `view.*` about a `saved_view`.
  const candidate = (prefix === 'view' ? 'saved_view' : (entry.targetType ?? prefix)) as Subject;
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

/** A case entry's case: the number the entry or the current lists know, else a short id. */
function caseNumber(entry: AuditEntryDto, nameOf: NameOf): string {
  const kept = entry.action === 'case.linked' || entry.action === 'case.unlinked' ? null : text(entry.details.number);
  return kept ?? (entry.targetId ? (nameOf('case', entry.targetId) ?? `${entry.targetId.slice(0, 8)}…`) : '');
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
    case 'order_source.tested':
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
    case 'store_stock.updated':
      return t('admin.audit.says.storeStock', { actor, what, sku: text(d.sku) ?? '', onHand: typeof d.onHand === 'number' ? d.onHand : 0 });
    case 'order_import.started':
      return t('admin.audit.says.orderImportStarted', { actor, file: text(d.file) ?? '', source: text(d.source) ?? '' });
    case 'case.merged':
      return t('admin.audit.says.caseMerged', { actor, number: caseNumber(entry, nameOf), count: Array.isArray(d.merged) ? d.merged.length : 1 });
    case 'case.split':
      return t('admin.audit.says.caseSplit', { actor, number: caseNumber(entry, nameOf) });
    case 'case.linked':
      return t('admin.audit.says.caseLinked', { actor, number: caseNumber(entry, nameOf), other: text(d.number) ?? '' });
    case 'case.unlinked':
      return t('admin.audit.says.caseUnlinked', { actor, number: caseNumber(entry, nameOf), other: text(d.number) ?? '' });
    case 'case.order_line_linked':
      return t('admin.audit.says.orderLineLinked', { actor, number: caseNumber(entry, nameOf), product: text(d.name) ?? text(d.sku) ?? '', order: text(d.orderNumber) ?? '' });
    case 'case.order_line_unlinked':
      return t('admin.audit.says.orderLineUnlinked', { actor, number: caseNumber(entry, nameOf), product: text(d.name) ?? text(d.sku) ?? '', order: text(d.orderNumber) ?? '' });
    case 'social.handed_over':
      return t('admin.audit.says.socialHandedOver', { actor, number: caseNumber(entry, nameOf) });
    case 'workload.reassigned':
      return t('admin.audit.says.reassigned', { actor, count: typeof d.moved === 'number' ? d.moved : 0 });
    case 'order_source.sync_requested':
      return t('admin.audit.says.orderSourceSync', { actor, what });
    case 'policy.saved':
      return t('admin.audit.says.policySaved', { actor, version: entry.targetId ?? '' }) + (text(d.comment) ? ` (${text(d.comment)})` : '');
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
