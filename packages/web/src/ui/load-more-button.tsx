import { Button, Center } from '@mantine/core';

type LoadMoreButtonProps = { hasMore: boolean; loading: boolean; onLoadMore: () => void };

export function LoadMoreButton({ hasMore, loading, onLoadMore }: LoadMoreButtonProps) {
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" loading={loading} onClick={onLoadMore}>
        Load more
      </Button>
    </Center>
  );
}
