import type { PrfaqLintResult } from '@dayone/contracts';
import { Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';

/** The writing coach's advice: the score, its categories, and each finding with the passage it is about. */
export function CoachPanel({ result, texts, pending }: { result: PrfaqLintResult | null | undefined; texts: Record<string, string>; pending: boolean }) {
  return (
    <Paper withBorder p="md" aria-label="Writing coach" role="region">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Writing coach
          </Title>
          {result && <Badge size="lg" color={result.score >= 80 ? 'teal' : result.score >= 50 ? 'yellow' : 'red'}>{`Score ${result.score}`}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          Advice only: it never blocks a save, a review or a decision.{pending ? ' Checking…' : ''}
        </Text>
        {result && (
          <>
            {result.categories.map((c) => (
              <div key={c.name}>
                <Group justify="space-between" gap={4}>
                  <Text size="xs">{c.name}</Text>
                  <Text size="xs" c="dimmed">
                    {c.score} / {c.max}
                  </Text>
                </Group>
                <Progress value={c.max ? (100 * c.score) / c.max : 100} size="xs" />
              </div>
            ))}
            <Text size="xs" c="dimmed">
              Press release {result.metrics.pressReleaseWords} words; reading ease {result.metrics.readingEase ?? '—'}; grade {result.metrics.gradeLevel ?? '—'}.
            </Text>
            <List size="sm" spacing={6} aria-label="Coach findings">
              {result.findings.map((f, i) => {
                const passage = f.end > f.start ? texts[f.section]?.slice(f.start, f.end) : undefined;
                return (
                  <List.Item key={`${f.rule}-${f.section}-${f.start}-${i}`}>
                    <Text size="sm" component="span" fw={600}>
                      {f.section}
                    </Text>
                    {passage && (
                      <Text size="sm" component="span">
                        {' '}“<mark>{passage}</mark>”
                      </Text>
                    )}
                    <Text size="sm">{f.message}</Text>
                  </List.Item>
                );
              })}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
