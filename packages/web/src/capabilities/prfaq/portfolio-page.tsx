import { Alert, Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { fetchPortfolio, prfaqKeys } from './prfaq-api';

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** The bold bets: probability of success against payoff, the expected value of each and of the whole. */
export function PortfolioPage() {
  const portfolio = useQuery({ queryKey: prfaqKeys.portfolio, queryFn: fetchPortfolio });
  return (
    <Stack>
      <PageHeader title="Bold bets" description="Probability of success against payoff for every PR/FAQ that carries an estimate. A ten percent chance of a hundred times payoff is a bet to take every time." />
      <QueryState query={portfolio}>
        {(p) => (
          <>
            {p.advice && (
              <Alert color={p.noLongShots ? 'yellow' : 'blue'} title={p.noLongShots ? 'No long shots' : 'Portfolio'}>
                {p.advice}
              </Alert>
            )}
            <Text>
              {p.bets.length} bets; cost {money.format(p.totalCost)}; expected return {money.format(p.expectedReturn)}; expected value {money.format(p.expectedValue)}; long shots {p.longShots}.
            </Text>
            {p.bets.length > 0 && (
              <Paper withBorder p="md" h={340} aria-label="Bets: probability against payoff" role="img">
                <ResponsiveContainer width="100%" height="100%">
                  <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
                    <CartesianGrid />
                    <XAxis type="number" dataKey="probability" name="Probability" domain={[0, 1]} label={{ value: 'probability of success', position: 'bottom' }} />
                    <YAxis type="number" dataKey="payoff" name="Payoff" scale="log" domain={['auto', 'auto']} label={{ value: 'payoff (× cost)', angle: -90, position: 'insideLeft' }} />
                    <ZAxis type="number" dataKey="cost" range={[60, 400]} name="Cost" />
                    <Tooltip cursor={{ strokeDasharray: '3 3' }} />
                    <Scatter data={p.bets} fill="var(--mantine-color-blue-6)" />
                  </ScatterChart>
                </ResponsiveContainer>
              </Paper>
            )}
            <Table striped aria-label="Bets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>PR/FAQ</Table.Th>
                  <Table.Th>Probability</Table.Th>
                  <Table.Th>Payoff</Table.Th>
                  <Table.Th>Cost</Table.Th>
                  <Table.Th>Expected value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.bets.map((b) => (
                  <Table.Tr key={b.number}>
                    <Table.Td>
                      <Anchor component={Link} to={`/prfaqs/${b.number}`}>
                        #{b.number}: {b.title}
                      </Anchor>{' '}
                      {b.longShot && <Badge size="xs">long shot</Badge>}
                    </Table.Td>
                    <Table.Td>{Math.round(b.probability * 100)}%</Table.Td>
                    <Table.Td>{b.payoff}×</Table.Td>
                    <Table.Td>{money.format(b.cost)}</Table.Td>
                    <Table.Td>{money.format(b.expectedValue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
