// A reply posted in public (under a tweet, a page comment) is read by everyone: one that
// carries the customer's e-mail, phone number, address or order number is refused before
// anything is written, with what was found, so the agent moves the conversation to private
// messages — or, having read it, sends anyway (allowPersonalData) when it is the brand's own
// public details (a store's phone number, say).
import type { Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { detectPersonalData } from '../social/personal-data.ts';

export function refusePersonalDataInPublic(ctx: Ctx, body: string): void {
  const findings = detectPersonalData(body, { defaultCountry: ctx.config.defaults.country, casePrefix: ctx.config.defaults.casePrefix });
  if (findings.length === 0) return;
  const what = [...new Set(findings.map((f) => f.kind))].join(', ');
  throw new AppError(
    'personal_data_in_public',
    `This public reply holds personal data (${what}): move the conversation to a private message, or send again with allowPersonalData to post it anyway`,
    { details: { findings } },
  );
}
