// The official vectors of twilio-python (tests/unit/test_request_validator.py).
import { describe, expect, it } from 'vitest';
import { isValidTwilioJsonSignature, isValidTwilioSignature, twilioSignature, urlVariants } from './twilio-signature.ts';

const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Digits: '1234', From: '+14158675309', To: '+18005551212', Caller: '+14158675309' };

describe('X-Twilio-Signature', () => {
  it('signs the URL and the sorted fields as Twilio does', () => {
    expect(twilioSignature(token, url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(isValidTwilioSignature(token, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
  });

  it('accepts the URL with or without the default port, both ways', () => {
    const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
    expect(twilioSignature(token, withPort, params)).toBe('kvajT1Ptam85bY51eRf/AJRuM3w=');
    expect(isValidTwilioSignature(token, 'kvajT1Ptam85bY51eRf/AJRuM3w=', url, params)).toBe(true);
    expect(isValidTwilioSignature(token, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', withPort, params)).toBe(true);
    expect(urlVariants('http://h.example/x')).toEqual(['http://h.example/x', 'http://h.example:80/x']);
    expect(urlVariants('https://h.example:8443/x')).toEqual(['https://h.example:8443/x']);
  });

  it('sorts the values of a repeated field', () => {
    const repeated = { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234'] };
    expect(twilioSignature(token, url, repeated)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
    expect(isValidTwilioSignature(token, 'IK+Dwps556ElfBT0I3Rgjkr1wJU=', url, repeated)).toBe(true);
  });

  it('signs a JSON body by its SHA-256 in the URL', () => {
    const body = '{"property": "value", "boolean": true}';
    const signed = `${url}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620`;
    expect(twilioSignature(token, signed)).toBe('a9nBmqA0ju/hNViExpshrM61xv4=');
    expect(isValidTwilioJsonSignature(token, 'a9nBmqA0ju/hNViExpshrM61xv4=', signed, body)).toBe(true);
    expect(isValidTwilioJsonSignature(token, 'a9nBmqA0ju/hNViExpshrM61xv4=', signed, body.replace('true', 'false'))).toBe(false);
  });

  it('refuses a wrong, missing or replayed-elsewhere signature', () => {
    expect(isValidTwilioSignature(token, undefined, url, params)).toBe(false);
    expect(isValidTwilioSignature(token, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, { ...params, Digits: '1235' })).toBe(false);
    expect(isValidTwilioSignature(token, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'https://mycompany.com/other.php?foo=1&bar=2', params)).toBe(false);
    expect(isValidTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(false);
  });
});
