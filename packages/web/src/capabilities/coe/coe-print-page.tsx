import './coe-print.css';
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { formatDuration } from '../../ui/format-duration';
import { QueryState } from '../../ui/query-state';
import { shortRef } from '../catalog/catalog-ref';
import { coeKeys, fetchCoe, fetchSupportingData, type CoeDetail, type SectionName } from './coe-api';
import { MetricChart } from './metric-chart';
import { actionItemStatusLabels, actionItemTypeLabels, coeStatusLabels, sectionOrder, sectionTitles } from './coe-labels';
import { sectionParts } from './section-parts';
import { codecs } from './section-values';

/** A COE laid out plainly for paper or PDF, outside the app's frame. */
export function CoePrintPage() {
  const { number: param = '' } = useParams();
  const number = Number(param);
  const coe = useQuery({ queryKey: coeKeys.one(number), queryFn: () => fetchCoe(number), enabled: Number.isInteger(number) && number > 0 });
  return (
    <div className="coe-print">
      <QueryState query={coe}>{(c) => <PrintedCoe coe={c} />}</QueryState>
    </div>
  );
}

function PrintedCoe({ coe }: { coe: CoeDetail }) {
  return (
    <Stack gap={0}>
      <Group className="coe-print-controls" justify="space-between" mb="md">
        <Anchor component={Link} to={`/coes/${coe.number}`}>
          Back to the COE
        </Anchor>
        <Button onClick={() => window.print()}>Print this page</Button>
      </Group>
      <Title order={1} size="h2">
        COE #{coe.number}: {coe.title}
      </Title>
      <Text>
        Team {coe.team} · {coeStatusLabels[coe.status].label} · written by {coe.createdBy}, {formatDateTime(coe.createdAt)}
      </Text>
      {(coe.services.length > 0 || coe.pulls.length > 0) && (
        <Text size="sm">
          {coe.services.length > 0 && `Services: ${coe.services.map(shortRef).join(', ')}. `}
          {coe.pulls.length > 0 && `Linked andon pulls: ${coe.pulls.length}.`}
        </Text>
      )}
      <Text size="sm">
        Time to detect {formatDuration(coe.durations.secondsToDetect)} · to mitigate {formatDuration(coe.durations.secondsToMitigate)} · to resolve{' '}
        {formatDuration(coe.durations.secondsToResolve)}
      </Text>
      {sectionOrder.map((name) => {
        const section = coe.sections.find((s) => s.name === name);
        const printed = section ? <PrintedSection key={name} name={name} content={section.content} /> : null;
        return name === 'timeline' ? [printed, <PrintedSupportingData key="supporting-data" number={coe.number} />] : printed;
      })}
      <section className="coe-print-section">
        <Title order={2} size="h4">
          Action items
        </Title>
        {coe.actionItems.length === 0 ? (
          <Text size="sm">None.</Text>
        ) : (
          <List size="sm">
            {coe.actionItems.map((item) => (
              <List.Item key={item.id}>
                {item.title} ({actionItemTypeLabels[item.type]}, {item.priority} priority), owned by {item.owner}, due {item.dueDate}: {actionItemStatusLabels[item.status]}
                {item.status === 'wont_do' && item.wontDoReason ? ` (${item.wontDoReason})` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {coe.reviews.length > 0 && (
        <section className="coe-print-section">
          <Title order={2} size="h4">
            Reviews
          </Title>
          <List size="sm">
            {coe.reviews.map((r, i) => (
              <List.Item key={`${r.reviewer}:${i}`}>
                {r.reviewer}, {formatDateTime(r.at)}: {r.note}
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}

/** The metric charts (at a fixed width, for paper) and the images. */
function PrintedSupportingData({ number }: { number: number }) {
  const data = useQuery({ queryKey: coeKeys.supportingData(number), queryFn: () => fetchSupportingData(number) });
  if (!data.data || (!data.data.charts.length && !data.data.images.length)) return null;
  return (
    <section className="coe-print-section">
      <Title order={2} size="h4" mb={4}>
        Supporting data
      </Title>
      {data.data.charts.map((chart) => (
        <MetricChart key={chart.id} chart={chart} milestones={data.data.milestones} width={640} />
      ))}
      {data.data.images.map((image) => (
        <figure key={image.id} style={{ margin: '8px 0' }}>
          <img src={image.url} alt={image.filename} style={{ maxWidth: '100%', maxHeight: 360 }} />
          <Text component="figcaption" size="xs">
            {image.filename}
          </Text>
        </figure>
      ))}
    </section>
  );
}

function PrintedSection<N extends SectionName>({ name, content }: { name: N; content: unknown }) {
  const View = sectionParts[name].view;
  return (
    <section className="coe-print-section">
      <Title order={2} size="h4" mb={4}>
        {sectionTitles[name]}
      </Title>
      <View value={codecs[name].read(content)} />
    </section>
  );
}
