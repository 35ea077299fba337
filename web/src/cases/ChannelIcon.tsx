// A channel shown as an icon and its name, so a thread of several channels reads at a
// glance. The icons are simple line drawings (hidden from screen readers: the name is there).
import { Group, Text, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../api/contracts.ts';

// One path per family of channels, on a 24×24 grid, drawn with the text colour.
const envelope = 'M3 6h18v12H3z M3 6l9 7 9-7';
const bubble = 'M4 5h16v10H9l-5 4z';
const bubbles = 'M3 4h12v8H7l-4 3z M9 14v2h7l4 3V9h-3';
const handset = 'M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z';
const page = 'M6 3h9l3 3v15H6z M9 10h6 M9 14h6 M9 18h4';
const shop = 'M3 9l2-5h14l2 5z M5 9v11h14V9 M10 20v-6h4v6';
const at = 'M16 12a4 4 0 1 1-4-4 4 4 0 0 1 4 4v1.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.5 7.1';
const bag = 'M5 8h14l-1 13H6z M9 8V6a3 3 0 0 1 6 0v2';
const code = 'M8 7l-5 5 5 5 M16 7l5 5-5 5';

const paths: Record<Channel, string> = {
  email: envelope,
  sms: bubble,
  whatsapp: bubble,
  chat: bubbles,
  messenger: bubbles,
  phone: handset,
  webform: page,
  counter: shop,
  x: at,
  facebook: at,
  instagram: at,
  marketplace: bag,
  api: code,
};

export function ChannelGlyph({ channel, size = 14 }: { channel: Channel; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[channel]} />
    </svg>
  );
}

/** The icon and the channel's name ("E-mail", "SMS"…), optionally inside a sentence ("via SMS"). */
export function ChannelLabel({ channel, size = 'xs', via = false }: { channel: Channel; size?: MantineSize; via?: boolean }) {
  const { t } = useTranslation();
  const name = t(`case.channel.${channel}`);
  return (
    <Group component="span" gap={4} wrap="nowrap" display="inline-flex" c="dimmed" data-channel={channel}>
      <ChannelGlyph channel={channel} />
      <Text span size={size}>
        {via ? t('timeline.via', { channel: name }) : name}
      </Text>
    </Group>
  );
}
