import { Code, Switch, Table, Text } from '@mantine/core';
import type { NoticePreference } from '@dayone/contracts';
import type { PutNotificationPreferencesBody } from './notifications-api';

type NoticeKindsTableProps = {
  kinds: NoticePreference[];
  /** The change being saved, shown at once; it reverts if the server refuses it. */
  pending: PutNotificationPreferencesBody | undefined;
  saving: boolean;
  onChange: (change: { kind: NoticePreference['kind']; inbox?: boolean; webhook?: boolean }) => void;
};

/** Every kind of notice, what it is, and whether it reaches my inbox and my own webhook. */
export function NoticeKindsTable({ kinds, pending, saving, onChange }: NoticeKindsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label="Kinds of notice">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>What it is</Table.Th>
            <Table.Th>Inbox</Table.Th>
            <Table.Th>Webhook</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((k) => {
            const shown = { ...k, ...pending?.kinds?.find((p) => p.kind === k.kind) };
            return (
              <Table.Tr key={k.kind}>
                <Table.Td>
                  <Code>{k.kind}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{k.description}</Text>
                </Table.Td>
                <Table.Td>
                  <Switch aria-label={`${k.kind}: inbox`} checked={shown.inbox} disabled={saving} onChange={(e) => onChange({ kind: k.kind, inbox: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Switch aria-label={`${k.kind}: webhook`} checked={shown.webhook} disabled={saving} onChange={(e) => onChange({ kind: k.kind, webhook: e.currentTarget.checked })} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
