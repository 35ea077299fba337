// Real MIME, as mail clients and servers write it, read into the common inbound message.
import { describe, expect, it } from 'vitest';
import { foldReply } from './fold.ts';
import { messageIds, parseEmail, subjectKey } from './parse.ts';

const mime = (headers: string, body: string) => Buffer.from(`${headers.trim().replace(/\n/g, '\r\n')}\r\n\r\n${body.replace(/\n/g, '\r\n')}`, 'utf8');

describe('parseEmail', () => {
  it('reads a latin-1, quoted-printable message from a customer', async () => {
    const m = await parseEmail(
      mime(
        `From: =?ISO-8859-1?Q?J=E9r=F4me_Martin?= <Jerome.Martin@Exemple.fr>
To: sav@jardin.example
Subject: =?ISO-8859-1?Q?Programmateur_d=27arrosage_qui_fuit?=
Message-ID: <abc123@exemple.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable`,
        'Bonjour,\nmon programmateur a inond=E9 la pelouse pour la deuxi=E8me fois.\nJ=E9r=F4me',
      ),
    );
    expect(m.from).toEqual({ email: 'jerome.martin@exemple.fr', displayName: 'Jérôme Martin' });
    expect(m.subject).toBe("Programmateur d'arrosage qui fuit");
    expect(m.text).toBe('Bonjour,\nmon programmateur a inondé la pelouse pour la deuxième fois.\nJérôme');
    expect(m.ownRefs).toEqual(['abc123@exemple.fr']);
    expect(m.noAutoReply).toBeNull();
    expect(m.bounce).toBeNull();
    expect(m.to).toEqual(['sav@jardin.example']);
  });

  it('survives a broken quoted-printable sequence and an unknown charset', async () => {
    const m = await parseEmail(
      mime(
        `From: a@exemple.fr
Subject: test
Content-Type: text/plain; charset=x-unknown-charset
Content-Transfer-Encoding: quoted-printable`,
        'Prix =ZZ 20=E2=82=AC et =\nsuite',
      ),
    );
    expect(m.text).toContain('suite');
  });

  it('removes scripts, handlers and remote images (trackers) from HTML, keeps the text', async () => {
    const m = await parseEmail(
      mime(
        `From: client@exemple.fr
Subject: Photo
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8`,
        '<p onclick="steal()">Bonjour <b>SAV</b></p><script>alert(1)</script><img src="https://track.example/pixel.gif?u=42"><a href="javascript:alert(1)">x</a><a href="https://exemple.fr">site</a>',
      ),
    );
    expect(m.html).not.toMatch(/script|onclick|track\.example|javascript:/);
    expect(m.html).toContain('<b>SAV</b>');
    expect(m.html).toContain('rel="noopener noreferrer nofollow"');
    expect(m.flags).toEqual(expect.arrayContaining(['scripts_removed', 'remote_images_removed']));
    expect(m.text).toContain('Bonjour SAV');
  });

  it('names the case, the messages it answers, and folds the quoted history away', async () => {
    const m = await parseEmail(
      mime(
        `From: client@exemple.fr
Subject: RE: Re: [SAV-2026-000123] Programmateur d'arrosage
Message-ID: <reply-2@exemple.fr>
In-Reply-To: <ack-1@sav.jardin.example>
References: <first@exemple.fr> <ack-1@sav.jardin.example>
Content-Type: text/plain; charset=utf-8`,
        `Voici la photo demandée.

Le lun. 2 mars 2026 à 10:00, SAV Jardin <sav@jardin.example> a écrit :
> Bonjour, pouvez-vous nous envoyer une photo ?
> Cordialement`,
      ),
    );
    expect(m.thread).toEqual({ caseNumber: 'SAV-2026-000123', refs: ['ack-1@sav.jardin.example', 'first@exemple.fr'] });
    expect(m.text).toBe('Voici la photo demandée.');
    expect(m.folded).toMatch(/^Le lun\. 2 mars 2026 .* a écrit :\n> Bonjour/);
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'Auto-Submitted: auto-replied'],
    ['Precedence: bulk', 'Precedence: bulk'],
    ['List-Id: <news.exemple.fr>', 'mailing list (List-*)'],
    ['X-Loop: sav@jardin.example', 'X-Loop'],
    ['Return-Path: <>', 'null return path'],
  ])('sends no automatic answer to a message with %s', async (line, reason) => {
    const m = await parseEmail(mime(`From: someone@exemple.fr\nSubject: x\n${line}\nContent-Type: text/plain`, 'corps'));
    expect(m.noAutoReply).toBe(reason);
  });

  it.each([
    ['MAILER-DAEMON@mx.exemple.fr', 'sent by mailer-daemon'],
    ['news-request@listes.exemple.fr', 'list robot (-request)'],
    ['owner-news@listes.exemple.fr', 'list owner (owner-)'],
    ['no-reply@boutique.exemple.fr', 'no-reply sender (no-reply)'],
  ])('sends no automatic answer to %s', async (from, reason) => {
    const m = await parseEmail(mime(`From: ${from}\nSubject: x\nContent-Type: text/plain`, 'corps'));
    expect(m.noAutoReply).toBe(reason);
  });

  it('answers a normal message (Auto-Submitted: no)', async () => {
    expect((await parseEmail(mime('From: a@exemple.fr\nSubject: x\nAuto-Submitted: no\nContent-Type: text/plain', 'corps'))).noAutoReply).toBeNull();
  });

  it('recognises a bounce and the message it bounces', async () => {
    const m = await parseEmail(
      mime(
        `From: Mail Delivery System <MAILER-DAEMON@mx.jardin.example>
To: sav@jardin.example
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"`,
        `--B
Content-Type: text/plain

Your message could not be delivered.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.jardin.example

Final-Recipient: rfc822; nobody@exemple.fr
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <nobody@exemple.fr>: Recipient address rejected
--B
Content-Type: text/rfc822-headers

From: sav@jardin.example
To: nobody@exemple.fr
Message-ID: <ack-77@sav.jardin.example>
Subject: Votre demande SAV-2026-000077
--B--`,
      ),
    );
    expect(m.bounce).toEqual({ refs: ['ack-77@sav.jardin.example'], reason: '550 5.1.1 <nobody@exemple.fr>: Recipient address rejected' });
    expect(m.noAutoReply).toBe('Auto-Submitted: auto-replied');
  });

  it('keeps attachments and tells inline images apart', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const m = await parseEmail(
      mime(
        `From: a@exemple.fr
Subject: photos
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="M"`,
        `--M
Content-Type: text/plain; charset=utf-8

Voici.
--M
Content-Type: image/png; name="fuite.png"
Content-Disposition: attachment; filename="fuite.png"
Content-Transfer-Encoding: base64

${png.toString('base64')}
--M
Content-Type: image/png
Content-ID: <logo@x>
Content-Disposition: inline
Content-Transfer-Encoding: base64

${png.toString('base64')}
--M--`,
      ),
    );
    expect(m.attachments.map((a) => [a.filename, a.contentType, a.inline, a.content.length])).toEqual([
      ['fuite.png', 'image/png', false, png.length],
      ['piece-jointe-2', 'image/png', true, png.length],
    ]);
  });

  it('reads garbage without crashing', async () => {
    const m = await parseEmail(Buffer.from([0, 1, 2, 255, 254, 10, 13, 10, 65, 66]));
    expect(m.from).toEqual({});
    expect(m.flags).toContain('no_sender');
  });
});

describe('foldReply', () => {
  it.each([
    ['an English client', 'Thanks!\n\nOn Mon, 2 Mar 2026 at 10:00, SAV <sav@x.fr> wrote:\n> old', 'Thanks!'],
    ['Outlook in French', 'Merci.\n\nDe : SAV Jardin <sav@x.fr>\nEnvoyé : lundi 2 mars 2026 10:00\nObjet : RE: panne\n\nBonjour', 'Merci.'],
    ['an original-message rule', 'Ok\n-----Original Message-----\nFrom: x', 'Ok'],
    ['a signature', 'Bien reçu.\n-- \nJérôme Martin\n06 12 34 56 78', 'Bien reçu.'],
    ['a phone signature', 'Oui.\n\nEnvoyé de mon iPhone', 'Oui.'],
    ['quoted lines at the end', 'Réponse\n> question\n>\n> suite', 'Réponse'],
  ])('folds what %s adds', (_, text, visible) => {
    expect(foldReply(text).visible).toBe(visible);
  });

  it('keeps a "De :" line that is the customer speaking', () => {
    expect(foldReply('De : mon côté, tout est prêt.\nMerci').visible).toBe('De : mon côté, tout est prêt.\nMerci');
  });

  it('keeps interleaved answers visible', () => {
    expect(foldReply('> Quel modèle ?\nGardena Flex\n> Date d’achat ?\nMars 2025').visible).toBe('> Quel modèle ?\nGardena Flex\n> Date d’achat ?\nMars 2025');
  });

  it('keeps a forward without a word readable', () => {
    expect(foldReply('-----Original Message-----\nFrom: x\nBonjour').visible).toMatch(/Bonjour/);
  });
});

describe('threading helpers', () => {
  it('strips reply and forward prefixes, in every language, and the case tag', () => {
    expect(subjectKey('Re: TR: Fwd: Re[5]: AW:  [SAV-2026-000123] Panne   du  robot')).toBe('panne du robot');
    expect(subjectKey('RE : panne')).toBe('panne');
    expect(subjectKey(null)).toBe('');
  });

  it('reads message ids with or without brackets', () => {
    expect(messageIds('<a@x> <b@y>')).toEqual(['a@x', 'b@y']);
    expect(messageIds(['<a@x>', 'b@y'])).toEqual(['a@x', 'b@y']);
    expect(messageIds(undefined)).toEqual([]);
  });
});
