import type { Fitness } from '@dayone/contracts';
import { Alert, Stack, Text } from '@mantine/core';

type FindingCode = Fitness['findings'][number]['code'];

const titles: Record<FindingCode, (f: Fitness) => string> = {
  OVER_SIZE: (f) => `Over the two-pizza size: ${f.memberCount} members, more than the limit of ${f.limit}`,
  NO_LEADER: () => 'No single-threaded leader',
  LEADER_LEADS_SEVERAL: () => 'The leader leads more than one team',
};

/** Says plainly which two-pizza rules the team breaks, or that it keeps them all. */
export function TeamFitnessAlerts({ fitness }: { fitness: Fitness }) {
  if (fitness.fit) {
    return (
      <Text size="sm" c="teal.8">
        Keeps the two-pizza rules: {fitness.memberCount} of at most {fitness.limit} members, one single-threaded leader.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {fitness.findings.map((finding) => (
        <Alert key={finding.code} color="orange" title={titles[finding.code](fitness)}>
          {finding.message}
        </Alert>
      ))}
    </Stack>
  );
}
