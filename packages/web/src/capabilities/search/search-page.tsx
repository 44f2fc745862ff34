import { searchDocumentTypes, type SearchHit } from '@dayone/contracts';
import { Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { useUrlFilters } from '../../ui/use-url-filters';
import { TeamPicker } from '../teams/team-picker';
import { HighlightedText } from './highlighted-text';
import { fetchSearch, searchKeys, typeLabels, type SearchFilters } from './search-api';

const names = ['q', 'type', 'team', 'from', 'to'] as const;

/** Results across every capability, best first, with the matching words marked; filters live in the address. */
export function SearchPage() {
  const { filters, setFilter, active } = useUrlFilters<SearchFilters>(names, ['type', 'team', 'from', 'to']);
  const navigate = useNavigate();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const types = filters.type ? filters.type.split(',') : [];
  const { query: results, items } = useCursorPages(searchKeys.results(filters), (cursor) => fetchSearch(filters, cursor), { enabled: filters.q.trim() !== '' });
  return (
    <Stack>
      <PageHeader title="Search" description="Everything written down: teams, services, PR/FAQs, COEs and experiments with their lessons, and decisions." />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', text.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput label="Words" description="Every word must appear, whole or as part of a word" value={text} onChange={(e) => setText(e.currentTarget.value)} w={420} />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <Group align="flex-end">
        <Chip.Group multiple value={types} onChange={(next) => setFilter('type', next.join(','))}>
          <Group gap="xs" aria-label="Types">
            {searchDocumentTypes.map((type) => (
              <Chip key={type} value={type} size="sm">
                {typeLabels[type]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <Group align="flex-end">
        <div style={{ width: 260 }}>
          <TeamPicker label="Team (with its sub-teams)" value={filters.team || null} onChange={(team) => setFilter('team', team)} initial={filters.team ? { value: filters.team, label: filters.team } : null} />
        </div>
        <TextInput label="Changed from" type="date" value={filters.from} onChange={(e) => setFilter('from', e.currentTarget.value)} />
        <TextInput label="Changed to" type="date" value={filters.to} onChange={(e) => setFilter('to', e.currentTarget.value)} />
        {active && (
          <Button variant="subtle" onClick={() => void navigate(`/search?q=${encodeURIComponent(filters.q)}`, { replace: true })}>
            Clear filters
          </Button>
        )}
      </Group>
      <ProblemAlert error={results.error} title="The search did not run" />
      {filters.q.trim() === '' ? (
        <Text c="dimmed">Type some words to look for.</Text>
      ) : results.isSuccess && items.length === 0 ? (
        <Text>Nothing matches “{filters.q}”{active ? ' with these filters' : ''}.</Text>
      ) : (
        <Stack gap="sm" aria-label="Search results" role="list" style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}>
          {items.map((hit) => (
            <SearchResult key={`${hit.type}:${hit.key}`} hit={hit} />
          ))}
        </Stack>
      )}
      <LoadMoreButton hasMore={results.hasNextPage} loading={results.isFetchingNextPage} onLoadMore={() => void results.fetchNextPage()} />
    </Stack>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  return (
    <Paper withBorder p="sm" role="listitem" aria-label={hit.title}>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light">{typeLabels[hit.type]}</Badge>
        <Anchor component={Link} to={hit.path} fw={600}>
          <HighlightedText text={hit.title} highlights={hit.titleHighlights} />
        </Anchor>
      </Group>
      {hit.snippet && (
        <Text size="sm" mt={4}>
          <HighlightedText text={hit.snippet} highlights={hit.snippetHighlights} />
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {hit.team ? `${hit.team} · ` : ''}changed {formatDateTime(hit.updatedAt)}
      </Text>
    </Paper>
  );
}
