import { Alert, Text } from '@mantine/core';
import type { Experiment, ExperimentResults } from './experiments-api';
import { formatCount, formatShare } from './result-format';

/** The sample-ratio check failed: the split differs from the weights by more than chance allows, so
 *  assignment or logging is broken and no effect on the page can be trusted. */
export function SrmBanner({ experiment: e, results }: { experiment: Experiment; results: ExperimentResults }) {
  if (!results.srm.mismatch) return null;
  const users = results.metrics[0]?.variants.map((v) => v.users) ?? [];
  const total = users.reduce((a, b) => a + b, 0);
  return (
    <Alert color="red" variant="filled" role="alert" aria-label="Sample ratio mismatch" title="Sample ratio mismatch: these results must not be trusted" styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Text size="sm">
        The users per variant differ from the configured split by more than chance explains (p = {results.srm.pValue?.toExponential(2)}, below 0.001). Assignment, exposure logging or event
        filtering is broken somewhere; find and fix the cause before reading any effect below, then restart with a fresh experiment.
      </Text>
      <Text size="sm" mt="xs">
        {e.variants.map((v, i) => `${v.name}: ${formatCount(users[i] ?? 0)} users (${formatShare(total ? (users[i] ?? 0) / total : 0)}, expected ${formatShare(v.weight)})`).join(' · ')}
      </Text>
    </Alert>
  );
}
