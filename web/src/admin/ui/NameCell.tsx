// The first cell of a row: the item's name, and under it in small what tells it apart (a code,
// an e-mail, a description).
import { Table, Text } from '@mantine/core';

export function NameCell({ name, sub }: { name: string; sub?: string | null }) {
  return (
    <Table.Td>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {sub}
        </Text>
      )}
    </Table.Td>
  );
}
