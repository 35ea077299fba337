// The sheets the plugin gives a module, read from the installed @mantine/core: what a component
// needs (the components it is built on included), in Mantine's order, and nothing for what has
// no style.
import { describe, expect, it } from 'vitest';
import { namedImports, readMantineStyles, styleImportsFor, styleInsertionPoint } from './mantine-styles.ts';

const styles = readMantineStyles();
const sheet = (name: string) => `@mantine/core/styles/${name}.layer.css`;

describe('namedImports', () => {
  it('reads the names a module imports from a package, leaving out types and aliases', () => {
    const code = [
      "import { Button, type ButtonProps, Stack as Column } from '@mantine/core';",
      "import type { MantineTheme } from '@mantine/core';",
      'import {\n  Table,\n  Text,\n} from "@mantine/core";',
      "import { useDisclosure } from '@mantine/hooks';",
    ].join('\n');
    expect(namedImports(code, '@mantine/core')).toEqual(['Button', 'Stack', 'Table', 'Text']);
    expect(namedImports(code, '@mantine/hooks')).toEqual(['useDisclosure']);
  });
});

describe('the sheets of Mantine components', () => {
  it('gives a component the sheets of the components it is built on, before its own', () => {
    // A button is an UnstyledButton showing a Loader while it loads.
    expect(styles.sheetsFor(['Button'])).toEqual([sheet('UnstyledButton'), sheet('Loader'), sheet('Button')]);
  });

  it('follows a component without a sheet of its own to the ones it renders', () => {
    const select = styles.sheetsFor(['Select']);
    for (const needed of ['Combobox', 'Input', 'Popover', 'ScrollArea', 'CloseButton']) expect(select).toContain(sheet(needed));
    expect(select).not.toContain(sheet('Table'));
    expect(select.indexOf(sheet('Input'))).toBeLessThan(select.indexOf(sheet('Combobox')));
  });

  it('gives the provider the global sheets, in the order of styles.css', () => {
    expect(styles.sheetsFor(['MantineProvider'])).toEqual([sheet('baseline'), sheet('default-css-variables'), sheet('global')]);
  });

  it('gives nothing for layout-free parts, functions and re-exports', () => {
    expect(styles.sheetsFor(['Box', 'Collapse', 'rem', 'useMantineTheme', 'RemoveScroll'])).toEqual([]);
  });

  it('refuses a name @mantine/core does not export', () => {
    expect(() => styles.sheetsFor(['Buton'])).toThrow(/no export named Buton/);
  });

  it('gives another Mantine package the sheets of the core components it renders', () => {
    expect(styles.sheetsForPackage('@mantine/notifications')).toContain(sheet('Notification'));
    expect(styles.sheetsForPackage('@mantine/hooks')).toEqual([]);
  });
});

describe('styleImportsFor', () => {
  it('writes one import line per sheet, each once', () => {
    const code = "import { Group, Stack } from '@mantine/core';\nimport { Stack as S } from '@mantine/core';";
    expect(styleImportsFor(code, styles)).toBe(`import '${sheet('Group')}';import '${sheet('Stack')}';`);
  });

  it('writes nothing for a module that imports no styled Mantine component', () => {
    expect(styleImportsFor("import { rem } from '@mantine/core';\nimport { useState } from 'react';", styles)).toBe('');
  });
});

describe('where the sheets go', () => {
  it('goes before the first Mantine import, never inside a header comment that says "import"', () => {
    const code = `// The import page: upload, then import from the mapping.\nimport { useState } from 'react';\nimport { Progress } from '@mantine/core';\n`;
    expect(code.slice(styleInsertionPoint(code))).toMatch(/^import \{ Progress \}/);
  });
});
