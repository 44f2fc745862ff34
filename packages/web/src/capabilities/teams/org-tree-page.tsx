import type { OrgNode } from '@dayone/contracts';
import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { fetchOrgTree, teamKeys } from './teams-api';

export function OrgTreePage() {
  const tree = useQuery({ queryKey: teamKeys.tree, queryFn: fetchOrgTree });
  return (
    <Stack>
      <PageHeader title="Org tree" description="Every team under its parent, with its size. Teams that break the two-pizza rules are marked." />
      <QueryState query={tree}>
        {({ roots }) => (roots.length === 0 ? <Text c="dimmed">No teams yet.</Text> : <OrgList nodes={roots} />)}
      </QueryState>
    </Stack>
  );
}

function OrgList({ nodes, nested = false }: { nodes: OrgNode[]; nested?: boolean }) {
  return (
    <Box component="ul" m={0} ml={nested ? 'xs' : 0} pl={nested ? 'lg' : 0} style={{ listStyle: 'none', borderLeft: nested ? '1px solid var(--mantine-color-gray-3)' : undefined }}>
      {nodes.map((node) => (
        <Box component="li" key={node.name} py={4}>
          <Group gap="xs">
            <Anchor component={Link} to={`/teams/${node.name}`}>
              {node.displayName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {node.memberCount} {node.memberCount === 1 ? 'member' : 'members'}
            </Text>
            {!node.fit && (
              <Badge color="orange" variant="light" size="sm">
                Breaks two-pizza rules
              </Badge>
            )}
          </Group>
          {node.children.length > 0 && <OrgList nodes={node.children} nested />}
        </Box>
      ))}
    </Box>
  );
}
