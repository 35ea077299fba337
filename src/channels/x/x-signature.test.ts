// The official vectors of xdevplatform/autohook (test/signature.js), consumer secret `test`,
// and our CRC vector (reference/channels.md).
import { describe, expect, it } from 'vitest';
import { crcResponse, isValidXSignature, xSignature } from './x-signature.ts';

const form = 'test=1&other_test=2';
const json = '{"test_number":1,"test_string":"two"}';

describe('x-twitter-webhooks-signature', () => {
  it('signs a body as X does (autohook vectors)', () => {
    expect(xSignature('test', form)).toBe('sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=');
    expect(xSignature('test', json)).toBe('sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=');
  });

  it('accepts the right signature over the exact bytes, and nothing else', () => {
    expect(isValidXSignature('test', Buffer.from(json), 'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=')).toBe(true);
    // The same JSON re-serialised with a space is other bytes: refused.
    expect(isValidXSignature('test', Buffer.from('{"test_number": 1,"test_string":"two"}'), 'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=')).toBe(false);
    expect(isValidXSignature('other', Buffer.from(json), 'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=')).toBe(false);
    expect(isValidXSignature('test', Buffer.from(json), 'YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=')).toBe(false);
    expect(isValidXSignature('test', Buffer.from(json), 'sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=')).toBe(false);
    expect(isValidXSignature('test', Buffer.from(json), undefined)).toBe(false);
    expect(isValidXSignature('test', Buffer.from(json), '')).toBe(false);
    expect(isValidXSignature('', Buffer.from(json), xSignature('', json))).toBe(false);
  });

  it('answers the CRC with the signed token (our vector)', () => {
    expect(crcResponse('test', 'challenge_string')).toEqual({ response_token: 'sha256=SYYKwb5URQ4OnNXL3KWDH9ph6EIaP+4PTQFxLk5FIK4=' });
  });
});
