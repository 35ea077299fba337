import { describe, expect, it } from 'vitest';
import { canReceiveSms, chooseDestination } from './destination.ts';

const both = { emails: ['jerome@exemple.fr'], mobiles: ['+33612345678'] };

describe('where a message to the customer goes', () => {
  it('follows the customer’s choice first', () => {
    expect(chooseDestination('sms', 'email', both)).toEqual({ channel: 'sms', recipient: '+33612345678' });
  });

  it('then answers on the channel they wrote on, when it can carry the answer', () => {
    expect(chooseDestination(null, 'sms', both)).toEqual({ channel: 'sms', recipient: '+33612345678' });
    expect(chooseDestination(null, 'email', both)).toEqual({ channel: 'email', recipient: 'jerome@exemple.fr' });
  });

  it('else e-mail, else SMS (a counter, phone or social case)', () => {
    expect(chooseDestination(null, 'counter', both)).toEqual({ channel: 'email', recipient: 'jerome@exemple.fr' });
    expect(chooseDestination(null, 'phone', { emails: [], mobiles: ['+33612345678'] })).toEqual({ channel: 'sms', recipient: '+33612345678' });
  });

  it('falls back when the chosen channel has no address', () => {
    expect(chooseDestination('sms', 'webform', { emails: ['jerome@exemple.fr'], mobiles: [] })).toEqual({ channel: 'email', recipient: 'jerome@exemple.fr' });
  });

  it('says why when there is nowhere to send', () => {
    expect(chooseDestination('sms', 'x', { emails: [], mobiles: [] })).toEqual({ channel: 'sms', recipient: '', suppressed: 'no e-mail address or mobile number known for this customer' });
  });

  it('answers a chat case on the chat while its visitor is connected, else by e-mail', () => {
    expect(chooseDestination(null, 'chat', { ...both, chat: 'conversation-1' })).toEqual({ channel: 'chat', recipient: 'conversation-1' });
    expect(chooseDestination(null, 'chat', { ...both, chat: null })).toEqual({ channel: 'email', recipient: 'jerome@exemple.fr' });
    // The customer asked for e-mail news (the offline form): e-mail, even while connected.
    expect(chooseDestination('email', 'chat', { ...both, chat: 'conversation-1' })).toEqual({ channel: 'email', recipient: 'jerome@exemple.fr' });
    expect(chooseDestination(null, 'chat', { emails: [], mobiles: [] }).suppressed).toBeTruthy();
  });

  it('does not text landlines', () => {
    expect(canReceiveSms('+33612345678')).toBe(true);
    expect(canReceiveSms('+33145678912')).toBe(false);
  });
});
