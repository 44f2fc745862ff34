import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PersonLink } from '../people/person-link';
import { ActionItemStatusSelect } from './action-item-status-select';
import type { ActionItem } from './coe-api';
import { actionItemStatusLabels, actionItemTypeLabels, priorityColors, priorityLabels } from './coe-labels';

type ActionItemsTableProps = {
  items: ActionItem[];
  label: string;
  /** Show which COE each item comes from and its team (on lists that span COEs). */
  showCoe?: boolean;
  /** Offer status changes (the server decides who may). */
  editable?: boolean;
};

/** Action items with their owner, due date (overdue ones in red), priority, type and status. */
export function ActionItemsTable({ items, label, showCoe = false, editable = true }: ActionItemsTableProps) {
  return (
    <Table.ScrollContainer minWidth={showCoe ? 900 : 760}>
      <Table aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Action item</Table.Th>
            {showCoe && <Table.Th>COE</Table.Th>}
            <Table.Th>Owner</Table.Th>
            {showCoe && <Table.Th>Team</Table.Th>}
            <Table.Th>Due</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} style={item.overdue ? { backgroundColor: 'var(--mantine-color-red-0)' } : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {item.title}
                </Text>
                {item.link && (
                  <Anchor href={item.link} target="_blank" rel="noreferrer noopener" size="xs">
                    {item.link}
                  </Anchor>
                )}
                {item.status === 'wont_do' && item.wontDoReason && (
                  <Text size="xs" c="dimmed">
                    Won’t do: {item.wontDoReason}
                  </Text>
                )}
              </Table.Td>
              {showCoe && (
                <Table.Td>
                  <Anchor component={Link} to={`/coes/${item.coe}`} size="sm">
                    COE #{item.coe}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">
                  <PersonLink name={item.owner} />
                </Text>
              </Table.Td>
              {showCoe && (
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${encodeURIComponent(item.team)}`} size="sm">
                    {item.team}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" c={item.overdue ? 'red.8' : undefined} fw={item.overdue ? 700 : undefined}>
                    {item.dueDate}
                  </Text>
                  {item.overdue && (
                    <Badge color="red" size="xs">
                      Overdue
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={priorityColors[item.priority]} fw={item.priority === 'high' ? 700 : undefined}>
                  {priorityLabels[item.priority]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionItemTypeLabels[item.type]}</Text>
              </Table.Td>
              <Table.Td>{editable ? <ActionItemStatusSelect item={item} /> : <Text size="sm">{actionItemStatusLabels[item.status]}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
