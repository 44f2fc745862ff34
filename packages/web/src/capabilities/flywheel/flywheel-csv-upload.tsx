import { Button, Checkbox, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { uploadValuesCsv, type FlywheelValuesResult } from './flywheel-api';
import { UploadOutcome } from './upload-outcome';

/** Uploads a CSV of metric,week,value rows. With a bad row nothing is imported unless the person asks
 *  for the good rows only; either way each bad row is listed by its line. */
export function FlywheelCsvUpload({ team, onRecorded }: { team: string; onRecorded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [result, setResult] = useState<FlywheelValuesResult | null>(null);
  const upload = useMutation({
    mutationFn: async () => uploadValuesCsv(team, await file!.text(), partial),
    onSuccess: (r) => {
      setResult(r);
      onRecorded();
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          upload.mutate();
        }}
      >
        <Stack>
          <Text fw={600}>Upload a CSV</Text>
          <Text size="sm" c="dimmed">
            Columns metric,week,value: the metric's key, the week's Monday (YYYY-MM-DD) and a number. A week sent again replaces the value kept for it.
          </Text>
          <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" value={file} onChange={setFile} clearable maw={420} />
          <Checkbox label="Import the good rows and report the bad ones" checked={partial} onChange={(e) => setPartial(e.currentTarget.checked)} />
          <ProblemAlert error={upload.error} title="Nothing was imported" />
          {result && <UploadOutcome result={result} />}
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              Upload
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
