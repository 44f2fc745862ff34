import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { recordValues, type Flywheel, type FlywheelValuesResult } from './flywheel-api';
import { thisMonday } from './flywheel-format';
import { UploadOutcome } from './upload-outcome';

/** Enters one week's values by hand; a metric left blank is not sent, one sent again replaces the kept value. */
export function FlywheelValuesForm({ team, flywheel, onRecorded }: { team: string; flywheel: Flywheel; onRecorded: () => void }) {
  const [week, setWeek] = useState(thisMonday());
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<FlywheelValuesResult | null>(null);
  const send = useMutation({
    mutationFn: () => recordValues(team, Object.entries(values).filter(([, v]) => v.trim() !== '').map(([metric, v]) => ({ metric, week, value: Number(v) }))),
    onSuccess: (r) => {
      setResult(r);
      setValues({});
      onRecorded();
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          send.mutate();
        }}
      >
        <Stack>
          <Text fw={600}>Enter a week's values</Text>
          <TextInput type="date" label="Week (its Monday)" value={week} onChange={(e) => setWeek(e.currentTarget.value)} maw={220} required />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {flywheel.metrics.map((m) => (
              <TextInput key={m.key} label={`${m.name}${m.unit ? ` (${m.unit})` : ''}`} inputMode="decimal" value={values[m.key] ?? ''} onChange={(e) => {
                  // Read now: the event's target is gone by the time React runs the update.
                  const value = e.currentTarget.value;
                  setValues((all) => ({ ...all, [m.key]: value }));
                }} />
            ))}
          </SimpleGrid>
          <ProblemAlert error={send.error} title="Nothing was recorded" />
          {result && <UploadOutcome result={result} />}
          <Group>
            <Button type="submit" loading={send.isPending} disabled={Object.values(values).every((v) => v.trim() === '')}>
              Record values
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
