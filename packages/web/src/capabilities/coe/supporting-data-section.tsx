import { ActionIcon, Anchor, Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { QueryState } from '../../ui/query-state';
import { coeKeys, fetchSupportingData, removeAttachment, uploadAttachment, type Attachment, type SupportingData } from './coe-api';
import { MetricChart } from './metric-chart';
import { useCoeCache } from './use-coe-cache';

const ACCEPT = 'text/csv,.csv,image/png,image/jpeg,image/gif,image/webp';

/** Graphs and screenshots: a metric CSV is drawn with the timeline's milestones marked; images are shown. */
export function SupportingDataSection({ number, editable }: { number: number; editable: boolean }) {
  const headingId = useId();
  const data = useQuery({ queryKey: coeKeys.supportingData(number), queryFn: () => fetchSupportingData(number) });
  const cache = useCoeCache();
  const [error, setError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(number, file),
    onMutate: () => setError(null),
    onSuccess: () => cache.changed(number),
    onError: setError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeAttachment(number, id),
    onMutate: () => setError(null),
    onSuccess: () => cache.changed(number),
    onError: setError,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            Supporting data
          </Title>
          {editable && (
            <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending}>
                  Attach a metric CSV or an image
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Graphs of what customers saw. Attach a metric as CSV (a header <code>time,&lt;metric&gt;</code>, then one row per sample with an ISO 8601 time and a number) and
          Day One draws it with the timeline's milestones marked; or attach PNG, JPEG, GIF or WebP screenshots.
        </Text>
        <ProblemAlert error={error} title="The file was not attached" />
        <QueryState query={data}>{(d) => <SupportingDataView data={d} editable={editable} onRemove={(id) => remove.mutate(id)} />}</QueryState>
      </Stack>
    </Paper>
  );
}

function SupportingDataView({ data, editable, onRemove }: { data: SupportingData; editable: boolean; onRemove: (id: string) => void }) {
  if (!data.charts.length && !data.images.length) return <Text c="dimmed">Nothing attached yet.</Text>;
  return (
    <Stack gap="md">
      {data.charts.map((chart) => (
        <Stack key={chart.id} gap={4}>
          <FileTitle file={chart} editable={editable} onRemove={onRemove} />
          <MetricChart chart={chart} milestones={data.milestones} />
        </Stack>
      ))}
      {data.images.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {data.images.map((image) => (
            <Stack key={image.id} gap={4}>
              <FileTitle file={image} editable={editable} onRemove={onRemove} />
              <Anchor href={image.url} target="_blank" rel="noreferrer">
                <Image src={image.url} alt={image.filename} radius="sm" fit="contain" mah={320} />
              </Anchor>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function FileTitle({ file, editable, onRemove }: { file: Attachment; editable: boolean; onRemove: (id: string) => void }) {
  return (
    <Group gap="xs">
      <Anchor href={file.url} size="sm" fw={500}>
        {file.filename}
      </Anchor>
      <Text size="xs" c="dimmed">
        {Math.max(1, Math.round(file.size / 1024))} KiB, added by {file.createdBy}
      </Text>
      {editable && (
        <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${file.filename}`} onClick={() => onRemove(file.id)}>
          ×
        </ActionIcon>
      )}
    </Group>
  );
}
