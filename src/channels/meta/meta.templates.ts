// The WhatsApp template catalogue of a Meta account: the approved templates an agent may send
// outside the 24-hour window, kept in the account's settings. Admins type them in, or read
// them from Meta (GET /{waba-id}/message_templates): only approved ones that Comptoir can fill
// — body values only — join the catalogue; the others are listed with the reason.
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { accountSecrets, loadAccount, updateAccount } from '../accounts/accounts.service.ts';
import { asProviderError } from '../provider-errors.ts';
import { graphClientFor } from './graph-client.ts';
import { metaSettingsOf, variablesIn, type MetaSecrets, type WhatsappTemplate, type templateCategories } from './meta.settings.ts';
import type { templateSyncSchema } from './meta.contract.ts';

/** A template as the Graph API lists it. */
export interface GraphTemplate {
  name: string;
  language: string;
  status: string;
  category: string;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components?: { type: string; format?: string; text?: string; buttons?: { type: string; url?: string; text?: string }[] }[];
}

interface TemplatePage {
  data?: GraphTemplate[];
  paging?: { next?: string };
}

/** Meta paginates by 25 unless asked; 10 pages of 100 is more than any support team keeps. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

const hasVariable = (text: string | undefined) => /\{\{[^}]+\}\}/.test(text ?? '');

/** Why a template cannot join the catalogue, or null when it can. */
function unusable(t: GraphTemplate): string | null {
  if (t.status !== 'APPROVED') return `not approved (${t.status.toLowerCase()})`;
  if (t.category === 'AUTHENTICATION') return 'an authentication template (its code is not typed by agents)';
  const body = t.components?.find((c) => c.type === 'BODY')?.text;
  if (!body) return 'no body text';
  if (t.parameter_format === 'NAMED' || /\{\{\s*[^\d\s}][^}]*\}\}/.test(body)) return 'named variables (only {{1}}, {{2}}… are filled)';
  const header = t.components?.find((c) => c.type === 'HEADER');
  if (header && (header.format !== 'TEXT' || hasVariable(header.text))) return 'a header that needs a value or a file';
  if (t.components?.some((c) => c.type === 'BUTTONS' && c.buttons?.some((b) => hasVariable(b.url)))) return 'a button with a variable link';
  return null;
}

/** The templates Comptoir can send, and the others with why. */
export function catalogueFrom(listed: GraphTemplate[]): { templates: WhatsappTemplate[]; skipped: { name: string; language: string; reason: string }[] } {
  const templates: WhatsappTemplate[] = [];
  const skipped: { name: string; language: string; reason: string }[] = [];
  for (const t of listed) {
    const reason = unusable(t);
    if (reason) {
      skipped.push({ name: t.name, language: t.language, reason });
      continue;
    }
    const body = t.components!.find((c) => c.type === 'BODY')!.text!.slice(0, 1024);
    const category = (['UTILITY', 'MARKETING'].includes(t.category) ? t.category : 'UTILITY') as (typeof templateCategories)[number];
    if (!templates.some((x) => x.name === t.name && x.language === t.language)) templates.push({ name: t.name, language: t.language, category, body, variables: variablesIn(body) });
  }
  return { templates, skipped };
}

export async function syncWhatsappTemplates(ctx: Ctx, actor: Actor, accountId: string): Promise<z.infer<typeof templateSyncSchema>> {
  requirePermission(actor, 'org.manage');
  const account = await loadAccount(ctx, accountId);
  if (account.channel !== 'meta') throw notFound('Meta account', accountId);
  const settings = metaSettingsOf(account.settings);
  const secrets = accountSecrets(ctx, account) as Partial<MetaSecrets>;
  if (!settings.wabaId) throw invalid('settings.wabaId', 'the WhatsApp Business account id is needed to read its templates');
  if (!secrets.whatsappToken) throw invalid('secrets.whatsappToken', 'the WhatsApp token is needed to read the templates');

  const graph = graphClientFor(ctx, settings, secrets);
  const listed: GraphTemplate[] = [];
  try {
    let page = await graph.get<TemplatePage>(`${settings.wabaId}/message_templates`, secrets.whatsappToken, { fields: 'name,language,status,category,parameter_format,components', limit: String(PAGE_SIZE) });
    listed.push(...(page.data ?? []));
    for (let n = 1; page.paging?.next && n < MAX_PAGES; n++) {
      page = await graph.getNext<TemplatePage>(page.paging.next, secrets.whatsappToken);
      listed.push(...(page.data ?? []));
    }
  } catch (error) {
    const failure = asProviderError(error);
    throw new AppError(failure.code === 'temporary' ? 'unavailable' : 'bad_request', `Meta did not give the templates: ${failure.detail}`, { cause: error });
  }

  const { templates, skipped } = catalogueFrom(listed);
  const key = (t: Pick<WhatsappTemplate, 'name' | 'language'>) => `${t.name} (${t.language})`;
  const before = new Set(settings.templates.map(key));
  const after = new Set(templates.map(key));
  await updateAccount(ctx, actor, accountId, { settings: { ...account.settings, templates } });
  return {
    templates,
    added: [...after].filter((k) => !before.has(k)),
    removed: [...before].filter((k) => !after.has(k)),
    skipped,
  };
}
