import { Accordion, Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CatalogHealth, HealthFinding } from './catalog-api';
import { EntityRefLink } from './entity-ref-link';

type FindingCode = HealthFinding['code'];

const headings: Record<FindingCode, string> = {
  CYCLE: 'Dependency cycles',
  FAN_IN_HOT_SPOT: 'Hot spots: many dependents',
  FAN_OUT: 'Depends on too many things',
  CROSS_TEAM_EDGE: 'Dependencies between teams',
  NO_OWNER: 'No owner',
  DANGLING_OWNER: 'Owner is not a team or person here',
  DANGLING_REFERENCE: 'References to things not in the catalog',
  TEAM_OVERLOADED: 'Teams owning more than they can run',
};
const order = Object.keys(headings) as FindingCode[];

/** Counts, cycles and findings of the catalog's dependency structure. */
export function HealthOverview({ health }: { health: CatalogHealth }) {
  const byCode = new Map<FindingCode, HealthFinding[]>();
  for (const f of health.findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  const codes = order.filter((c) => byCode.has(c));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Stat label="Entities" value={health.entities} />
        <Stat label="Dependencies" value={health.edges} />
        <Stat label="Cross-team dependencies" value={health.crossTeamEdges} />
        <Stat label="Cycles" value={health.cycles.length} warn={health.cycles.length > 0} />
        <Stat label="Findings" value={health.findings.length} warn={health.findings.length > 0} />
      </SimpleGrid>

      <section aria-label="Cycles">
        <Title order={2} size="h4" mb="xs">
          Cycles
        </Title>
        {health.cycles.length === 0 ? (
          <Text size="sm" c="dimmed">
            No dependency cycles: every service can be changed and deployed without a loop back to itself.
          </Text>
        ) : (
          <List size="sm" spacing="xs">
            {health.cycles.slice(0, 50).map((cycle) => (
              <List.Item key={cycle[0]}>
                <Text size="sm">{cycle.length === 1 ? 'Depends on itself:' : `${cycle.length} entities depend on each other in a loop:`}</Text>
                <RefList refs={cycle} />
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-label="Findings">
        <Title order={2} size="h4" mb="xs">
          Findings
        </Title>
        {codes.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing to report.
          </Text>
        ) : (
          <Accordion multiple variant="separated" defaultValue={codes.length <= 3 ? codes : []}>
            {codes.map((code) => {
              const findings = byCode.get(code)!;
              return (
                <Accordion.Item key={code} value={code}>
                  <Accordion.Control>
                    <Group gap="xs">
                      <Text fw={600}>{headings[code]}</Text>
                      <Text c="dimmed" size="sm">
                        ({findings.length})
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Text size="sm" mb="xs">
                      {findings[0].meaning}
                    </Text>
                    <List size="sm" spacing="xs">
                      {findings.map((f, i) => (
                        <List.Item key={`${f.detail}:${i}`}>
                          <Text size="sm">{f.detail}</Text>
                          <RefList refs={f.entities} />
                        </List.Item>
                      ))}
                    </List>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        )}
      </section>
    </Stack>
  );
}

function Stat({ label, value, warn = false }: { label: string; value: number; warn?: boolean }) {
  return (
    <Paper withBorder p="sm" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={warn ? 'orange.8' : undefined}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

const FIRST = 10;
const MOST = 1000;

/** Links to the entities, the first few at once and the rest on request (a loop can hold thousands). */
function RefList({ refs }: { refs: string[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? refs.slice(0, MOST) : refs.slice(0, FIRST);
  const hidden = refs.length - shown.length;
  return (
    <Text size="sm" component="div">
      {shown.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink target={ref} />
        </span>
      ))}
      {hidden > 0 &&
        (all ? (
          <Text span c="dimmed" size="sm">
            {' '}
            and {hidden.toLocaleString()} more
          </Text>
        ) : (
          <>
            {' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setAll(true)}>
              and {hidden.toLocaleString()} more: show {refs.length > MOST ? `the first ${MOST}` : 'all'}
            </Anchor>
          </>
        ))}
    </Text>
  );
}
