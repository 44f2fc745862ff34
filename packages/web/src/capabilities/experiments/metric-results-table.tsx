import { Badge, Table, Text } from '@mantine/core';
import type { Experiment, MetricResult } from './experiments-api';
import { verdictColor } from './forest-plot';
import { formatCount, formatEffect, formatInterval, formatMean, formatPValue, formatShare } from './result-format';

/** The engine's numbers for one metric: per variant its users and mean, and per treatment the effect,
 *  the interval, and the p-value with its Holm adjustment (or the chance to win and risk, Bayesian). */
export function MetricResultsTable({ experiment: e, metric }: { experiment: Experiment; metric: MetricResult }) {
  const bayesian = e.engine === 'bayesian';
  const aggregation = e.metrics.find((m) => m.key === metric.key)?.aggregation;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={`Results for ${metric.name}`} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th ta="right">Users</Table.Th>
            <Table.Th ta="right">{aggregation === 'any' ? 'Conversion' : 'Mean per user'}</Table.Th>
            <Table.Th ta="right">Effect</Table.Th>
            <Table.Th ta="right">{bayesian ? 'Credible interval' : 'Confidence interval'}</Table.Th>
            {bayesian ? (
              <>
                <Table.Th ta="right">Chance to win</Table.Th>
                <Table.Th ta="right">Risk (ship it)</Table.Th>
              </>
            ) : (
              <>
                <Table.Th ta="right">p-value</Table.Th>
                <Table.Th ta="right">Adjusted p (Holm)</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metric.variants.map((v, i) => (
            <Table.Tr key={v.name}>
              <Table.Td>
                {v.name}{' '}
                {i === 0 && (
                  <Badge size="xs" variant="outline" color="gray">
                    control
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatCount(v.users)}</Table.Td>
              <Table.Td ta="right">{formatMean(v.mean, aggregation)}</Table.Td>
              <Table.Td ta="right">
                <Text span fw={600} size="sm" style={{ color: i === 0 ? undefined : verdictColor(v.ci, metric.higherIsBetter) }}>
                  {i === 0 ? 'baseline' : formatEffect(v.effect)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{i === 0 ? '' : formatInterval(v.ci)}</Table.Td>
              {bayesian ? (
                <>
                  <Table.Td ta="right">{i === 0 ? '' : formatShare(v.chanceToWin)}</Table.Td>
                  <Table.Td ta="right">{i === 0 || !v.risk ? '' : formatShare(v.risk.treatment)}</Table.Td>
                </>
              ) : (
                <>
                  <Table.Td ta="right">{i === 0 ? '' : formatPValue(v.pValue)}</Table.Td>
                  <Table.Td ta="right">{i === 0 ? '' : formatPValue(v.adjustedPValue)}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
