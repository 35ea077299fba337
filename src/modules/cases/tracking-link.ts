// The customer's tracking link: the public address of the case's tracking page. The token is
// kept sealed on the case (only its digest is searchable), so the link can be sent again.
import type { Ctx } from '../../context.ts';
import type { CaseRow } from './cases.read.ts';

/** Short, so it fits an SMS: https://sav.example.fr/t/<43 characters>. */
export function trackingUrl(ctx: Pick<Ctx, 'config'>, token: string): string {
  return `${ctx.config.http.publicUrl.replace(/\/+$/, '')}/t/${token}`;
}

export function trackingTokenOf(ctx: Pick<Ctx, 'secrets'>, c: Pick<CaseRow, 'trackingTokenSealed'>): string {
  return ctx.secrets.open(c.trackingTokenSealed);
}

export function trackingUrlOf(ctx: Pick<Ctx, 'config' | 'secrets'>, c: Pick<CaseRow, 'trackingTokenSealed'>): string {
  return trackingUrl(ctx, trackingTokenOf(ctx, c));
}
