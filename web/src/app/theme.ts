// The Mantine theme: colours dark enough for WCAG AA text contrast on white (links, dimmed
// text, badges), and the system font stack (no web font to download).
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.8 on white is 5.7:1; the default shade 6 is below 4.5:1.
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine's dimmed grey (gray.6) is 3.3:1 on white; gray.7 is 8:1. Its field-error red
  // (red.6, on the message and the invalid field's text) is 3.3:1 too; red.9 is 5.6:1.
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
