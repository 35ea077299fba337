// From a template and its variables to the message itself: the subject and text that are sent
// (and kept on the timeline), and, for display, the HTML part and the cost of an SMS.
import type { Language } from '../../platform/i18n/i18n.ts';
import type { RenderedMessageDto, TemplateChannel, TemplateKey } from './notifications.contract.ts';
import { renderText, textToHtml } from './render.ts';
import { smsSize, toGsm } from './sms-text.ts';
import type { TemplateText } from './templates.builtin.ts';

export interface ComposedMessage {
  subject: string | null;
  text: string;
}

export function composeMessage(template: TemplateText, channel: TemplateChannel, values: Readonly<Record<string, string>>): ComposedMessage {
  const text = renderText(template.body, values);
  return {
    // A subject is one line, whatever the variables held.
    subject: channel === 'email' && template.subject ? renderText(template.subject, values).replace(/\s+/g, ' ') : null,
    // SMS in the GSM alphabet, names and subjects included (see sms-text.ts).
    text: channel === 'sms' ? toGsm(text) : text,
  };
}

export function htmlOf(message: ComposedMessage, channel: TemplateChannel, language: Language): string {
  return textToHtml(message.text, { language, title: message.subject ?? '', layout: channel === 'ticket' ? 'ticket' : 'email' });
}

export function presentRendered(key: TemplateKey, channel: TemplateChannel, language: Language, message: ComposedMessage): RenderedMessageDto {
  return {
    key,
    channel,
    language,
    subject: message.subject,
    text: message.text,
    html: htmlOf(message, channel, language),
    sms: channel === 'sms' ? smsSize(message.text) : null,
  };
}
