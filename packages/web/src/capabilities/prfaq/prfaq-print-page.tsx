import { Container, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { QueryState } from '../../ui/query-state';
import { DocumentView } from './document-view';
import { fetchPrfaq, prfaqKeys } from './prfaq-api';

/** The current version on its own, for printing or reading in a meeting. */
export function PrfaqPrintPage() {
  const number = Number(useParams().number);
  const doc = useQuery({ queryKey: prfaqKeys.one(number), queryFn: () => fetchPrfaq(number) });
  return (
    <Container size="md" py="lg">
      <QueryState query={doc}>
        {(d) => (
          <>
            <Title order={1} size="h2">
              {d.title}
            </Title>
            <DocumentView version={{ title: d.title, customer: d.customer, sections: d.sections.map((s) => ({ name: s.name, content: s.content })) }} />
          </>
        )}
      </QueryState>
    </Container>
  );
}
