import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../ui/format-date';
import { milestoneOptions } from './coe-labels';
import { localInputToIso, type ImpactValue, type QuestionsValue, type TimelineRow, type WhyChainValue } from './section-values';

const numbers = new Intl.NumberFormat();
const notWritten = (
  <Text c="dimmed" size="sm">
    Not written yet.
  </Text>
);

/** Markdown as written: shown as plain text, keeping its line breaks. */
export function TextView({ value }: { value: string }) {
  return value.trim() ? <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text> : notWritten;
}

export function ImpactView({ value }: { value: ImpactValue }) {
  const facts: [string, number | ''][] = [
    ['Customers affected', value.customersAffected],
    ['Duration (minutes)', value.durationMinutes],
    ['Failed requests', value.failedRequests],
    ['Cost (money)', value.money],
  ];
  return (
    <Stack gap="xs">
      <TextView value={value.description} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {facts.map(([label, n]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={600}>{n === '' ? '—' : numbers.format(n)}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

const milestoneLabel = (m: string) => milestoneOptions.find((o) => o.value === m)?.label ?? m;

export function TimelineView({ value }: { value: TimelineRow[] }) {
  if (value.length === 0) return notWritten;
  return (
    <List spacing={4} listStyleType="none" ml={0} pl={0}>
      {value.map((row) => (
        <List.Item key={row.key}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(localInputToIso(row.at) || null)}
            </Text>
            {row.milestone && (
              <Badge size="sm" variant="outline">
                {milestoneLabel(row.milestone)}
              </Badge>
            )}
            <Text size="sm">{row.text}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function RootCauseView({ value }: { value: WhyChainValue[] }) {
  if (value.length === 0) return notWritten;
  return (
    <Stack gap="sm">
      {value.map((chain, c) => (
        <div key={chain.key}>
          <Text fw={600} size="sm">
            {chain.title || `Chain ${c + 1}`}
          </Text>
          <List type="ordered" spacing={4} size="sm">
            {chain.steps.map((step) => (
              <List.Item key={step.key}>
                <Text span size="sm" fw={600}>
                  Why:
                </Text>{' '}
                <Text span size="sm">
                  {step.why}
                </Text>{' '}
                <Text span size="sm" fw={600}>
                  Because:
                </Text>{' '}
                <Text span size="sm">
                  {step.because}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

const questionLabels: [keyof QuestionsValue, string][] = [
  ['detection', 'Detection'],
  ['diagnosis', 'Diagnosis'],
  ['mitigation', 'Mitigation'],
  ['prevention', 'Prevention'],
];

export function QuestionsView({ value }: { value: QuestionsValue }) {
  return (
    <Stack gap="xs">
      {questionLabels.map(([name, label]) => (
        <div key={name}>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <TextView value={value[name]} />
        </div>
      ))}
    </Stack>
  );
}
