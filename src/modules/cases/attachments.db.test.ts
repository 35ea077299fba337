// Files sent with messages: real photos are taken in and linked to the message; what only
// pretends to be a photo, what is too big and too many files are refused with nothing kept;
// agents download by the case's access rules, customers only public files of their case.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildStore, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { photoJpeg, solidPng } from '../../../test/support/images.ts';
import { multipart, type FilePart } from '../../../test/support/multipart.ts';
import { inTransaction } from '../../context.ts';
import { linkAttachments, storeUpload } from './attachments.service.ts';
import { caseAttachment, caseEvent } from './cases.schema.ts';
import { Readable } from 'node:stream';

const MAX = 50_000;
let h: Harness;
let agent: Client;
let brandId: string;
let storeId: string;

beforeAll(async () => {
  h = await startHarness({ env: { COMPTOIR_UPLOAD_MAX_BYTES: String(MAX), COMPTOIR_UPLOAD_MAX_FILES: '5' } });
  brandId = (await buildBrand(h.ctx)).id;
  storeId = (await buildStore(h.ctx, brandId, { name: 'Magasin de Grigny' })).id;
  agent = await h.userClient('agent');
});
afterAll(() => h?.close());

const png = solidPng(32, 24);
const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const page = Buffer.from('<!DOCTYPE html><html><body><script>document.location="https://evil.example"</script></body></html>');

async function send(token: string, body: string, files: FilePart[]) {
  const form = await multipart({ body }, files);
  return h.app.inject({ method: 'POST', url: `/api/v1/track/${token}/messages`, ...form });
}

/** Every blob file in the store's folder (the temporary folder excluded). */
function storedBlobs(): string[] {
  const dir = h.services.config.blobs.dir;
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'tmp' ? [] : walk(join(d, e.name))) : [e.name]));
  try {
    return walk(dir);
  } catch {
    return [];
  }
}

const rowsOfCase = (caseId: string) => h.ctx.db.select().from(caseAttachment).where(eq(caseAttachment.caseId, caseId));

describe('uploads', () => {
  it('takes real photos, tells their type from their bytes and links them to the message', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const res = await send(trackingToken, 'Voici les photos du programmateur.', [
      { name: 'étiquette.jpg', content: photoJpeg(), type: 'image/jpeg' },
      { name: 'vue générale', content: png, type: 'application/octet-stream' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const message = res.json().message;
    expect(message.attachments).toHaveLength(2);
    expect(message.attachments[0]).toMatchObject({ filename: 'étiquette.jpg', contentType: 'image/jpeg', size: photoJpeg().length, inline: true });
    expect(message.attachments[1]).toMatchObject({ filename: 'vue générale.png', contentType: 'image/png', size: png.length });

    const rows = await rowsOfCase(c.id);
    expect(rows.map((r) => r.eventId)).toEqual([message.id, message.id]);
    expect(rows.every((r) => r.visibility === 'public' && /^[0-9a-f]{64}$/.test(r.sha256) && r.blobKey === r.sha256)).toBe(true);

    // The agent's timeline lists them with the message.
    const events = (await agent.get(`/api/v1/cases/${c.id}/events`)).json().items;
    const withFiles = events.find((e: { id: string }) => e.id === message.id);
    expect(withFiles.attachments.map((a: { url: string }) => a.url)).toEqual(rows.map((r) => `/api/v1/attachments/${r.id}`));
  });

  it('refuses a “.jpg” that is an executable or a web page, and keeps nothing', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const before = storedBlobs().length;
    for (const fake of [executable, page]) {
      const res = await send(trackingToken, 'Ma photo', [
        { name: 'photo-ok.png', content: solidPng(4, 4, [200, 10, 10]) },
        { name: 'photo.jpg', content: fake, type: 'image/jpeg' },
      ]);
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'unsupported_media_type', filename: 'photo.jpg' });
      expect(res.json().detail).toContain('only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF documents are accepted');
    }
    // Neither the refused file nor the good one sent with it, and no message.
    expect(storedBlobs().length).toBe(before);
    expect(await rowsOfCase(c.id)).toEqual([]);
    const messages = await h.ctx.db.select().from(caseEvent).where(and(eq(caseEvent.caseId, c.id), eq(caseEvent.type, 'message_in')));
    expect(messages).toHaveLength(1);
  });

  it('refuses a file past the size limit (413) and more files than allowed (422)', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const big = Buffer.concat([photoJpeg(), Buffer.alloc(MAX, 7)]);
    const tooBig = await send(trackingToken, 'Grande photo', [{ name: 'grande.jpg', content: big }]);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large', maxBytes: MAX });

    const six = Array.from({ length: 6 }, (_, i) => ({ name: `photo-${i}.png`, content: solidPng(2, 2, [i * 40, 90, 90]) }));
    const tooMany = await send(trackingToken, 'Six photos', six);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ maxFiles: 5, errors: [{ field: 'files', message: 'at most 5 files' }] });
    expect(await rowsOfCase(c.id)).toEqual([]);

    // Exactly at the limits is fine.
    const five = await send(trackingToken, 'Cinq photos', six.slice(0, 5));
    expect(five.statusCode).toBe(201);
  });

  it('takes photos without words, but not an empty form', async () => {
    const { trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const photoOnly = await send(trackingToken, '', [{ name: 'panne.png', content: png }]);
    expect(photoOnly.statusCode).toBe(201);
    expect(photoOnly.json().message.body).toBeNull();
    const nothing = await send(trackingToken, '', []);
    expect(nothing.statusCode).toBe(422);
  });

  it('is taken on the customer’s routes only: the agent API still wants JSON', async () => {
    const form = await multipart({ subject: 'x' }, [{ name: 'photo.png', content: png }]);
    expect((await agent.request({ method: 'POST', url: '/api/v1/cases', ...form })).statusCode).toBe(415);
  });

  it('refuses an upload to an unknown link before reading it', async () => {
    const res = await send('C'.repeat(43), 'Bonjour', [{ name: 'photo.png', content: png }]);
    expect(res.statusCode).toBe(404);
  });
});

describe('downloads', () => {
  async function caseWithPhoto(over: { storeId?: string } = {}) {
    const tracked = await buildTrackedCase(h.ctx, brandId, over);
    const res = await send(tracked.trackingToken, 'Photo', [{ name: 'Étiquette "produit".jpg', content: photoJpeg() }]);
    return { ...tracked, attachment: res.json().message.attachments[0] as { id: string; url: string } };
  }

  /** An internal attachment (on an agent's note), written through the service. */
  async function internalAttachment(caseId: string) {
    const note = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'note', body: 'Devis fournisseur' });
    const upload = await storeUpload(h.ctx, { filename: 'devis.pdf', stream: Readable.from([Buffer.from('%PDF-1.7\n1 0 obj\n')]) });
    const [row] = await inTransaction(h.ctx, (tx) => linkAttachments(tx, { caseId, eventId: note.json().message.id, visibility: 'internal' }, [upload]));
    return row!;
  }

  it('gives agents the file with safe headers', async () => {
    const { attachment } = await caseWithPhoto();
    const res = await agent.get(`/api/v1/attachments/${attachment.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(photoJpeg())).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(photoJpeg().length),
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="Etiquette produit.jpg"; filename*=UTF-8''%C3%89tiquette%20produit.jpg`,
    });
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/attachments/${attachment.id}` })).statusCode).toBe(401);
  });

  it('follows the case access rules: another store reads public files only, another brand nothing', async () => {
    const { case: c, attachment } = await caseWithPhoto({ storeId });
    const internal = await internalAttachment(c.id);
    const otherStore = (await buildStore(h.ctx, brandId)).id;
    const historyReader = await h.userClient('store_staff', { storeIds: [otherStore] });
    expect((await historyReader.get(`/api/v1/attachments/${attachment.id}`)).statusCode).toBe(200);
    expect((await historyReader.get(`/api/v1/attachments/${internal.id}`)).statusCode).toBe(404);
    const pdf = await agent.get(`/api/v1/attachments/${internal.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="devis.pdf"/);

    const stranger = await h.userClient('agent', { brandIds: [(await buildBrand(h.ctx)).id] });
    expect((await stranger.get(`/api/v1/attachments/${attachment.id}`)).statusCode).toBe(404);
    expect((await agent.get('/api/v1/attachments/0196a1b2-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('gives the customer the public files of their own case only', async () => {
    const { case: c, trackingToken, attachment } = await caseWithPhoto();
    const internal = await internalAttachment(c.id);
    const other = await caseWithPhoto();
    const get = (url: string) => h.app.inject({ method: 'GET', url });

    const own = await get(attachment.url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(own.rawPayload.equals(photoJpeg())).toBe(true);
    expect((await get(`/api/v1/track/${trackingToken}/attachments/${internal.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/track/${trackingToken}/attachments/${other.attachment.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/track/${'D'.repeat(43)}/attachments/${attachment.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/track/${trackingToken}`)).body).not.toContain(internal.id);
  });
});
