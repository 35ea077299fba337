// The files of an MMS, fetched from Twilio into the blob store. Twilio's MediaUrl is an API
// resource (HTTP Basic with the account SID and auth token) that redirects to a short-lived
// address on its media store, which must be fetched without our credentials. A file that
// cannot be kept (a video, one past the upload limit, one Twilio no longer has) is said in
// `refused`, with why: the message still reaches its case, and agents see what was missing.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Ctx } from '../../context.ts';
import type { TwilioConfig } from '../../platform/config-outbound.ts';
import { acceptedTypes } from '../../modules/cases/attachment-types.ts';
import { storeUpload, type Upload } from '../../modules/cases/attachments.service.ts';
import type { SocialMedia } from '../social/social.types.ts';

export interface FetchedMedia {
  uploads: Upload[];
  /** One line per file not kept: its address and why. */
  refused: string[];
}

/**
 * All the files of a message share this: they are fetched while its inbound row is held, and
 * the inbound job has two minutes in all.
 */
const TIMEOUT_MS = 60_000;
/** Twilio redirects once; a few more hops are allowed for a CDN of its own, never a loop. */
const MAX_REDIRECTS = 3;

const accepted = new Set<string>(acceptedTypes.map((t) => t.contentType));
const isAccepted = (contentType: string | null) => !!contentType && accepted.has(contentType.split(';')[0]!.trim().toLowerCase());

/**
 * GET the media resource, following its redirects by hand: the credentials go to Twilio's API
 * only (the configured API address), never to where it redirects.
 */
async function download(url: string, twilio: TwilioConfig, signal: AbortSignal): Promise<Response> {
  const api = new URL(twilio.apiUrl).origin;
  let at = new URL(url);
  if (at.origin !== api) throw new Error(`not a Twilio media address (expected ${api})`);
  const authorization = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`;
  for (let hop = 0; ; hop++) {
    const response = await fetch(at, { headers: at.origin === api ? { authorization } : {}, redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    at = new URL(location, at);
    if (at.protocol !== 'https:' && at.protocol !== 'http:') throw new Error(`redirected to ${at.protocol}`);
  }
}

async function fetchOne(ctx: Ctx, media: SocialMedia, index: number, twilio: TwilioConfig, signal: AbortSignal): Promise<Upload> {
  if (!media.url) throw new Error('no address');
  // Only what a case can hold (photos, PDF): a video or a contact card is left at Twilio.
  if (!isAccepted(media.contentType)) throw new Error(`${media.contentType ?? 'unknown type'}: only photos and PDF documents are kept`);
  const response = await download(media.url, twilio, signal);
  const refuse = async (why: string) => {
    await response.body?.cancel();
    return new Error(why);
  };
  if (!response.ok || !response.body) throw await refuse(`Twilio answered ${response.status}`);
  const type = response.headers.get('content-type');
  if (type && !isAccepted(type)) throw await refuse(`served as ${type}: only photos and PDF documents are kept`);
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > ctx.config.uploads.maxBytes) throw await refuse(`${length} bytes, more than the ${ctx.config.uploads.maxBytes} a file may have`);
  // The bytes decide the type and the size as they stream in (attachments.service.ts).
  return storeUpload(ctx, { filename: `MMS-${index + 1}`, stream: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) });
}

export async function fetchMmsMedia(ctx: Ctx, media: SocialMedia[], twilio: TwilioConfig): Promise<FetchedMedia> {
  const fetched: FetchedMedia = { uploads: [], refused: [] };
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  for (const [index, m] of media.entries()) {
    try {
      fetched.uploads.push(await fetchOne(ctx, m, index, twilio, signal));
    } catch (error) {
      fetched.refused.push(`${m.url ?? `file ${index + 1}`}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return fetched;
}
