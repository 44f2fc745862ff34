import type { OrgNode } from '@dayone/contracts';
import { Anchor, Badge, Box, ColorSwatch, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useUrlFilters } from '../../ui/use-url-filters';
import { countOrgHealth, orgFindingNames, orgHealthLevel, orgHealthLevels, orgHealthOf, orgSubtree, type OrgHealth } from './org-health';
import { fetchOrgTree, teamKeys } from './teams-api';

const swatch = (colour: string) => <ColorSwatch color={`var(--mantine-color-${colour}-6)`} size={14} withShadow={false} aria-hidden />;

const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** Every team under its parent, coloured by how many organisation checks it fails, with the findings named. */
export function OrgTreePage() {
  const { filters, setFilter } = useUrlFilters<{ team: string }>(['team']);
  const tree = useQuery({ queryKey: teamKeys.tree, queryFn: fetchOrgTree });
  return (
    <Stack>
      <PageHeader
        title="Org tree"
        description="Every team under its parent, coloured by the organisation checks: more than ten people, no single-threaded leader, a leader who leads other teams too, and owning more components than its people can carry."
      />
      <QueryState query={tree}>
        {({ roots }) => {
          if (roots.length === 0) return <Text c="dimmed">No teams yet.</Text>;
          const shown = orgSubtree(roots, filters.team);
          const teams = flatten(roots).map((n) => ({ value: n.name, label: n.displayName === n.name ? n.name : `${n.displayName} (${n.name})` }));
          return (
            <>
              <Select
                label="Team (with its sub-teams)"
                placeholder="All teams"
                data={teams}
                value={shown && filters.team ? shown[0].name : null}
                onChange={(team) => setFilter('team', team)}
                searchable
                clearable
                w={320}
              />
              {shown === null ? (
                <Text c="dimmed">No team named {filters.team}.</Text>
              ) : (
                <>
                  <OrgLegend counts={countOrgHealth(shown)} />
                  <OrgList nodes={shown} />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function OrgLegend({ counts }: { counts: Record<OrgHealth, number> }) {
  return (
    <Paper withBorder p="sm" role="region" aria-label="Legend">
      <Title order={2} size="h5" mb="xs">
        Legend
      </Title>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {orgHealthLevels.map((level) => (
            <Table.Tr key={level.health} aria-label={level.name}>
              <Table.Td w={24}>{swatch(level.colour)}</Table.Td>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {level.name}
              </Table.Td>
              <Table.Td>{level.meaning}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {counts[level.health]} {counts[level.health] === 1 ? 'team' : 'teams'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function OrgList({ nodes, nested = false }: { nodes: OrgNode[]; nested?: boolean }) {
  return (
    <Box component="ul" m={0} ml={nested ? 'xs' : 0} pl={nested ? 'lg' : 0} style={{ listStyle: 'none', borderLeft: nested ? '1px solid var(--mantine-color-gray-3)' : undefined }}>
      {nodes.map((node) => (
        <Box component="li" key={node.name} py={4}>
          <OrgRow node={node} />
          {node.children.length > 0 && <OrgList nodes={node.children} nested />}
        </Box>
      ))}
    </Box>
  );
}

function OrgRow({ node }: { node: OrgNode }) {
  const level = orgHealthLevel(orgHealthOf(node.findings));
  return (
    <Group
      gap="xs"
      role="group"
      aria-label={node.displayName}
      pl="xs"
      style={{ borderLeft: `4px solid var(--mantine-color-${level.colour}-6)`, background: `var(--mantine-color-${level.colour}-light)`, borderRadius: 4 }}
    >
      <Anchor component={Link} to={`/teams/${node.name}`}>
        {node.displayName}
      </Anchor>
      <Text size="sm" c="dimmed">
        {node.memberCount} {node.memberCount === 1 ? 'member' : 'members'}
      </Text>
      <Badge color={level.colour} variant="filled" size="sm" autoContrast>
        {level.name}
      </Badge>
      {node.findings.map((finding) => (
        <Badge key={finding.code} variant="default" size="sm" title={finding.message}>
          {orgFindingNames[finding.code]}
        </Badge>
      ))}
    </Group>
  );
}
