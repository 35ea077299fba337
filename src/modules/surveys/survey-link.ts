// The survey's link: signed, like the web form's token (platform/crypto/signer.ts), rather than
// stored — it names the case and the closing it came with (when the case was solved), and
// only the server can have made it. It opens the survey of that closing and nothing else: it
// is not the tracking link (which stays a secret of its own) and shows no message of the case.
import type { Ctx } from '../../context.ts';
import { Signer } from '../../platform/crypto/signer.ts';

export const SURVEY_LINK_PURPOSE = 'comptoir/survey-link/v1';

export interface SurveyRound {
  caseId: string;
  solvedAt: Date;
}

const signerOf = (ctx: Pick<Ctx, 'config'>) => new Signer(ctx.config.secretKey, SURVEY_LINK_PURPOSE);

// A UUID in 22 base64url characters, the solving time in base 36: the link stays short
// enough for an SMS.
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');
const uuidOf = (b64: string) => {
  const hex = Buffer.from(b64, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const TOKEN = /^([A-Za-z0-9_-]{22})([0-9a-z]{1,11})\.[A-Za-z0-9_-]{43}$/;

export function surveyToken(ctx: Pick<Ctx, 'config'>, round: SurveyRound): string {
  return signerOf(ctx).sign(`${uuidBytes(round.caseId)}${round.solvedAt.getTime().toString(36)}`);
}

/** The round a token names, or null when it is not one the server made. */
export function readSurveyToken(ctx: Pick<Ctx, 'config'>, token: string): SurveyRound | null {
  const m = TOKEN.exec(token);
  if (!m || signerOf(ctx).verify(token) === null) return null;
  const at = parseInt(m[2]!, 36);
  return Number.isSafeInteger(at) ? { caseId: uuidOf(m[1]!), solvedAt: new Date(at) } : null;
}

export const surveyPath = (token: string) => `/s/${token}`;

export function surveyUrl(ctx: Pick<Ctx, 'config'>, round: SurveyRound): string {
  return `${ctx.config.http.publicUrl.replace(/\/+$/, '')}${surveyPath(surveyToken(ctx, round))}`;
}
