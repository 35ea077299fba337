// A table of the administration: a caption for screen readers, column headers, rows that
// scroll sideways on a tablet instead of squeezing.
import { Paper, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface AdminTableProps {
  caption: string;
  columns: string[];
  minWidth?: number;
  children: ReactNode;
}

export function AdminTable({ caption, columns, minWidth = 720, children }: AdminTableProps) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover verticalSpacing="sm">
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} scope="col">
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
