import type { InsightArea, InsightFigure } from '@dayone/contracts';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const formatValue = (f: InsightFigure) => {
  if (f.value === null) return 'no data';
  if (f.unit === 'share') return `${Math.round(f.value * 100)}%`;
  if (f.unit === 'hours' || f.unit === 'days') return `${f.value.toFixed(1)} ${f.unit}`;
  return Math.round(f.value).toLocaleString();
};

/** One of the four areas: its score, the formula that makes it, and the figures that feed it; `children` follow the figures. */
export function InsightAreaCard({ area, children }: { area: InsightArea; children?: ReactNode }) {
  const colour = area.score === null ? 'gray' : area.score >= 75 ? 'teal' : area.score >= 50 ? 'yellow' : 'red';
  return (
    <Paper withBorder p="md" role="region" aria-label={area.title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {area.title}
          </Title>
          <Badge size="xl" color={colour} aria-label={`${area.title} score`}>
            {area.score === null ? 'no data' : area.score}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {area.formula}
        </Text>
        <Text size="sm">
          {area.parts.map((p) => `${p.label}: ${p.value === null ? 'no data' : `${Math.round(p.value * 100)}%`}`).join(' · ')}
        </Text>
        <Table>
          <Table.Tbody>
            {area.figures.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td>{f.link ? <Anchor component={Link} to={f.link}>{f.label}</Anchor> : f.label}</Table.Td>
                <Table.Td ta="right">{formatValue(f)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {children}
      </Stack>
    </Paper>
  );
}
