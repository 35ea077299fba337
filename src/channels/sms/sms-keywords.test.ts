// Every keyword, exactly: Twilio's defaults, the French words, and what is not a keyword.
import { describe, expect, it } from 'vitest';
import { keywordForm, smsKeyword } from './sms-keywords.ts';

describe('SMS opt-out keywords', () => {
  it.each(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'])('Twilio’s %s unsubscribes', (word) => {
    expect(smsKeyword(word)).toEqual({ action: 'stop', keyword: word, alsoAnAnswer: false });
  });

  it.each(['ARRET', 'ARRÊT', 'ARRETE', 'ARRÊTE', 'ARRETT', 'STOP SMS', 'STOP ALL'])('the French %s unsubscribes', (word) => {
    expect(smsKeyword(word)).toEqual({ action: 'stop', keyword: word, alsoAnAnswer: false });
  });

  it('reads the whole message in any case, spaces and end punctuation aside, and keeps what was written', () => {
    expect(smsKeyword('  Stop. ')).toEqual({ action: 'stop', keyword: 'Stop.', alsoAnAnswer: false });
    expect(smsKeyword('stop!')?.action).toBe('stop');
    expect(smsKeyword('Arrêt')).toEqual({ action: 'stop', keyword: 'Arrêt', alsoAnAnswer: false });
    expect(smsKeyword('« STOP »')?.action).toBe('stop');
    expect(smsKeyword('stop   sms')?.action).toBe('stop');
    expect(keywordForm(' arrête !')).toBe('ARRETE');
  });

  it.each(['START', 'UNSTOP'])('Twilio’s %s subscribes again', (word) => {
    expect(smsKeyword(word)).toEqual({ action: 'start', keyword: word, alsoAnAnswer: false });
  });

  it('YES subscribes again, and is an answer from a number that never opted out', () => {
    expect(smsKeyword('Yes')).toEqual({ action: 'start', keyword: 'Yes', alsoAnAnswer: true });
  });

  it('is no keyword inside a sentence, nor a French word Twilio does not honour', () => {
    for (const text of ['STOP PLEASE', 'Please cancel', 'stop sending me that', 'Arrêtez de m’écrire', 'Bonjour, ma tondeuse est en panne', 'OUI', 'Non', 'HELP', 'INFO', 'AIDE', '', 'STOPP', 'START NOW']) {
      expect(smsKeyword(text), text).toBeNull();
    }
  });

  it('believes Advanced Opt-Out’s OptOutType for the words of its own lists', () => {
    expect(smsKeyword('DESINSCRIPTION', 'STOP')).toEqual({ action: 'stop', keyword: 'DESINSCRIPTION', alsoAnAnswer: false });
    expect(smsKeyword('Oui', 'START')).toEqual({ action: 'start', keyword: 'Oui', alsoAnAnswer: true });
    expect(smsKeyword('START', 'START')).toEqual({ action: 'start', keyword: 'START', alsoAnAnswer: false });
    expect(smsKeyword('AIDE', 'HELP')).toBeNull();
  });
});
