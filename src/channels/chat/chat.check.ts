// The connection test of a live chat widget. Visitors come to us, so there is no provider to
// log in to: the test says what decides whether the widget works — the sites allowed to embed
// it, whether its hours are open now, and whether anyone is there to answer.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { team, teamMember } from '../../modules/org/org.schema.ts';
import { connectionCheck } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { agentsPresent, ANSWERING_ROLES, hoursOpen } from './chat.availability.ts';
import { settingsOf } from './chat.settings.ts';
import { WIDGET_PATH } from './widget.serve.ts';

registerCatalog({
  fr: {
    'check.chat_origins': 'Sites autorisés',
    'check.chat_origins.ok': 'Le widget ({script}, clé « {key} ») peut être intégré sur : {origins}.',
    'check.chat_origins.none': 'Aucun site n’est autorisé : le navigateur refusera le widget partout.',
    'check.chat_hours': 'Horaires',
    'check.chat_hours.open': 'Ouvert en ce moment selon le calendrier de l’équipe.',
    'check.chat_hours.closed': 'Fermé en ce moment selon le calendrier de l’équipe : le widget propose le formulaire hors ligne.',
    'check.chat_agents': 'Agents pour répondre',
    'check.chat_agents.ok': '{count} agent(s) peuvent répondre ({team}), dont {present} connecté(s) en ce moment.',
    'check.chat_agents.none': 'Personne ne peut répondre ({team}) : ajoutez des agents à l’équipe.',
    'check.chat_agents.anyTeam': 'tous les agents',
  },
  en: {
    'check.chat_origins': 'Allowed sites',
    'check.chat_origins.ok': 'The widget ({script}, key “{key}”) may be embedded on: {origins}.',
    'check.chat_origins.none': 'No site is allowed: browsers will refuse the widget everywhere.',
    'check.chat_hours': 'Opening hours',
    'check.chat_hours.open': 'Open now according to the team’s calendar.',
    'check.chat_hours.closed': 'Closed now according to the team’s calendar: the widget offers the offline form.',
    'check.chat_agents': 'Agents to answer',
    'check.chat_agents.ok': '{count} agent(s) can answer ({team}), {present} of them connected now.',
    'check.chat_agents.none': 'Nobody can answer ({team}): add agents to the team.',
    'check.chat_agents.anyTeam': 'every agent',
  },
});

async function answeringAgents(ctx: Ctx, teamId: string | null): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(appUser)
    .where(
      and(
        eq(appUser.active, true),
        inArray(appUser.role, [...ANSWERING_ROLES]),
        teamId ? inArray(appUser.id, ctx.db.select({ id: teamMember.userId }).from(teamMember).where(eq(teamMember.teamId, teamId))) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function checkChatWidget(ctx: Ctx, account: AccountRow, lang: Language): Promise<ConnectionCheck[]> {
  const { allowedOrigins } = settingsOf(account.settings);
  const now = ctx.clock.now();
  const [teamRow] = account.teamId ? await ctx.db.select({ name: team.name }).from(team).where(eq(team.id, account.teamId)) : [];
  const teamName = teamRow?.name ?? t(lang, 'check.chat_agents.anyTeam');
  const [open, count, present] = await Promise.all([hoursOpen(ctx, account, now), answeringAgents(ctx, account.teamId), agentsPresent(ctx, account, now)]);
  return [
    allowedOrigins.length
      ? connectionCheck(lang, 'chat_origins', true, 'check.chat_origins.ok', { script: `${ctx.config.http.publicUrl}${WIDGET_PATH}`, key: account.address, origins: allowedOrigins.join(', ') })
      : connectionCheck(lang, 'chat_origins', false, 'check.chat_origins.none'),
    connectionCheck(lang, 'chat_hours', true, open ? 'check.chat_hours.open' : 'check.chat_hours.closed'),
    connectionCheck(lang, 'chat_agents', count > 0, count > 0 ? 'check.chat_agents.ok' : 'check.chat_agents.none', { count, present, team: teamName }),
  ];
}
