import { Button, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ProblemAlert } from './problem-alert';

type QueryStateProps<T> = { query: UseQueryResult<T>; children: (data: T) => React.ReactNode };

/** Renders a loader while a query is pending, an alert with a retry button if it failed, else the data. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <ProblemAlert error={query.error}>
        <Button mt="sm" size="xs" variant="white" onClick={() => query.refetch()}>
          Try again
        </Button>
      </ProblemAlert>
    );
  }
  return <>{children(query.data)}</>;
}
