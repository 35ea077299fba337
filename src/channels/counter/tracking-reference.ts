// What a scanner types at the counter: the QR code of a printed ticket holds the case's
// tracking link (https://sav.example.fr/t/<token>), and a USB or keyboard-wedge scanner types
// it into the search box followed by Enter. This tells such a text from a name or a number
// and takes the token out of it. Any host and path are accepted (COMPTOIR_PUBLIC_URL may
// have a path; the address printed may be a proxy's or an older one of the same
// deployment): the token is the secret, and only its digest is looked up.

/** A tracking token: 256 random bits in base64url (cases.service.ts, newTrackingToken). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** [scheme://host][/path]/t/<token>, then nothing, or a trailing slash, a query or a fragment. */
const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/\s]+)?(?:\/[^\s?#]*)?\/t\/([A-Za-z0-9_-]{43})\/?(?:[?#]\S*)?$/i;

/** The tracking token in a scanned or typed text, or null when the text is not a tracking link. */
export function trackingTokenIn(text: string): string | null {
  const q = text.trim();
  if (TOKEN.test(q)) return q;
  return LINK.exec(q)?.[1] ?? null;
}
