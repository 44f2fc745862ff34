import { Badge, Group, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../ui/query-state';
import { fetchReview, flywheelKeys, type FlywheelReview } from './flywheel-api';
import { formatChange, formatValue } from './flywheel-format';

const changeColor = (change: number | null) => (change === null ? 'dimmed' : change > 0 ? 'teal' : change < 0 ? 'red' : undefined);

/** The weekly review: every metric's last six weeks beside the same weeks a year earlier, with the
 *  week-over-week and year-over-year changes the server computed. */
export function FlywheelReviewTable({ team }: { team: string }) {
  const [week, setWeek] = useState<string | null>(null);
  const review = useQuery({ queryKey: flywheelKeys.review(team, week), queryFn: () => fetchReview(team, week) });
  return (
    <QueryState query={review}>
      {(r) => (
        <>
          <Group align="flex-end">
            <TextInput type="date" label="Week under review (its Monday)" value={r.week} onChange={(e) => setWeek(e.currentTarget.value || null)} maw={260} />
            <Text size="sm" c="dimmed">
              Changes are in percent of the earlier value; n/a when it is missing or zero. A year earlier is 52 weeks back.
            </Text>
          </Group>
          <ReviewTable review={r} />
        </>
      )}
    </QueryState>
  );
}

function ReviewTable({ review }: { review: FlywheelReview }) {
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders striped aria-label={`Weekly review for the week of ${review.week}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th />
            {review.weeks.map((w) => (
              <Table.Th key={w} ta="right">
                {w}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {review.metrics.map((m) => {
            const rows: [string, (i: number) => React.ReactNode][] = [
              ['This year', (i) => formatValue(m.weeks[i].value)],
              ['Week over week', (i) => <Text span size="sm" c={changeColor(m.weeks[i].weekOverWeek)}>{formatChange(m.weeks[i].weekOverWeek)}</Text>],
              ['A year earlier', (i) => formatValue(m.weeks[i].yearAgoValue)],
              ['Year over year', (i) => <Text span size="sm" c={changeColor(m.weeks[i].yearOverYear)}>{formatChange(m.weeks[i].yearOverYear)}</Text>],
            ];
            return rows.map(([label, cell], k) => (
              <Table.Tr key={`${m.key}-${label}`} data-metric={m.key} data-row={label}>
                {k === 0 && (
                  <Table.Td rowSpan={rows.length} valign="top">
                    <Text fw={600} size="sm">
                      {m.name}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="light" color={m.kind === 'input' ? 'blue' : 'green'}>
                        {m.kind}
                      </Badge>
                      {m.unit && <Text size="xs" c="dimmed">{m.unit}</Text>}
                    </Group>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {label}
                  </Text>
                </Table.Td>
                {review.weeks.map((w, i) => (
                  <Table.Td key={w} ta="right">
                    {cell(i)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ));
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
