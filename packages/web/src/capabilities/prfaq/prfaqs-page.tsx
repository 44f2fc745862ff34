import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format-date';
import { LoadMoreButton } from '../../ui/load-more-button';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { fetchPrfaqs, prfaqKeys } from './prfaq-api';
import { statusColour, statusLabel } from './prfaq-labels';

/** Every PR/FAQ, newest first. */
export function PrfaqsPage() {
  const { query: list, items } = useCursorPages(prfaqKeys.list({}), (cursor) => fetchPrfaqs({}, cursor));
  return (
    <Stack>
      <PageHeader
        title="PR/FAQs"
        description="Work backwards from the customer: write the press release and the FAQ before building, review them, decide."
        actions={
          <>
            <Button component={Link} to="/prfaqs/new">
              Write a PR/FAQ
            </Button>
            <Button component={Link} to="/prfaqs/decisions" variant="default">
              Decisions log
            </Button>
            <Button component={Link} to="/prfaqs/portfolio" variant="default">
              Bold bets
            </Button>
          </>
        }
      />
      <ProblemAlert error={list.error} />
      {list.isSuccess && items.length === 0 ? (
        <Text c="dimmed">No PR/FAQs yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label="PR/FAQs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>PR/FAQ</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Author</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((doc) => (
                <Table.Tr key={doc.number}>
                  <Table.Td>
                    <Anchor component={Link} to={`/prfaqs/${doc.number}`}>
                      #{doc.number}: {doc.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{doc.team}</Table.Td>
                  <Table.Td>{doc.author}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[doc.status]}>{statusLabel[doc.status]}{doc.decision ? `: ${doc.decision}` : ''}</Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(doc.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </Stack>
  );
}
