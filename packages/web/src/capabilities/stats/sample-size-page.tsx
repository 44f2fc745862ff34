import { Anchor, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';

type PowerRequest = { metric: 'mean' | 'proportion'; baseline: number; standardDeviation?: number; mde: number; difference: 'relative'; alpha: number; power: number; variants: number; dailyTraffic?: number };
type PowerResult = { usersPerVariant: number; totalUsers: number; days: number | null; absoluteEffect: number };

const count = new Intl.NumberFormat('en');
const asNumber = (v: string | number) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

/** How many users an experiment needs to detect a given lift, and how many days that takes at the
 *  current traffic: the engine's power calculator (POST /api/v1/stats/power). */
export function SampleSizePage() {
  const [metric, setMetric] = useState<'proportion' | 'mean'>('proportion');
  const [baseline, setBaseline] = useState<string | number>(10);
  const [deviation, setDeviation] = useState<string | number>('');
  const [mde, setMde] = useState<string | number>(5);
  const [alpha, setAlpha] = useState<string | number>(5);
  const [power, setPower] = useState<string | number>(80);
  const [variants, setVariants] = useState<string | number>(2);
  const [traffic, setTraffic] = useState<string | number>('');
  const calculate = useMutation({ mutationFn: (body: PowerRequest) => api<PowerResult>('/stats/power', { method: 'POST', body }) });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const base = asNumber(baseline) ?? NaN;
    calculate.mutate({
      metric,
      baseline: metric === 'proportion' ? base / 100 : base,
      standardDeviation: metric === 'mean' ? asNumber(deviation) : undefined,
      mde: (asNumber(mde) ?? NaN) / 100,
      difference: 'relative',
      alpha: (asNumber(alpha) ?? NaN) / 100,
      power: (asNumber(power) ?? NaN) / 100,
      variants: asNumber(variants) ?? 2,
      dailyTraffic: asNumber(traffic),
    });
  };

  const result = calculate.data;
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/experiments" size="sm">
        Back to experiments
      </Anchor>
      <PageHeader title="Sample size" description="How many users an experiment needs to detect the lift you care about, and how many days that takes at your traffic." />
      <form onSubmit={submit} aria-label="Sample size">
        <Stack>
          <SegmentedControl
            value={metric}
            onChange={(v) => setMetric(v as 'proportion' | 'mean')}
            data={[
              { value: 'proportion', label: 'Conversion rate' },
              { value: 'mean', label: 'Mean per user' },
            ]}
            aria-label="Metric"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={metric === 'proportion' ? 'Baseline conversion (%)' : 'Baseline mean per user'} value={baseline} onChange={setBaseline} required />
            {metric === 'mean' && <NumberInput label="Standard deviation per user" value={deviation} onChange={setDeviation} required min={0} />}
            <NumberInput label="Smallest lift worth detecting (%)" description="Relative to the baseline" value={mde} onChange={setMde} required />
            <NumberInput label="Significance level α (%)" value={alpha} onChange={setAlpha} required />
            <NumberInput label="Power (%)" value={power} onChange={setPower} required />
            <NumberInput label="Variants (control included)" value={variants} onChange={setVariants} min={2} max={20} allowDecimal={false} required />
            <NumberInput label="Users per day entering the experiment" description="Optional: gives the number of days" value={traffic} onChange={setTraffic} min={0} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={calculate.isPending}>
              Calculate
            </Button>
          </Group>
        </Stack>
      </form>
      <ProblemAlert error={calculate.error} title="Cannot calculate" />
      {result && (
        <Paper withBorder p="md" component="section" aria-label="Sample size needed">
          <Text size="xl" fw={700}>
            {count.format(result.usersPerVariant)} users per variant
          </Text>
          <Text>{count.format(result.totalUsers)} users in all</Text>
          {result.days !== null && <Text>{count.format(result.days)} days at the current traffic</Text>}
          <Text size="sm" c="dimmed" mt="xs">
            Two-sided test at α = {asNumber(alpha)} % with {asNumber(power)} % power, normal approximation; an absolute difference of {result.absoluteEffect.toPrecision(4)}. With the sequential
            engine plan a little more: its intervals are wider in exchange for looking every day.
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
