import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** The meeting's silent reading: everyone reads the document before anyone speaks. */
export function ReadingTimer({ minutes }: { minutes: number }) {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  const left = endsAt === null ? minutes * 60 : Math.max(0, Math.round((endsAt - now) / 1000));
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <Group>
      <Text fw={600} aria-label="Silent reading time left">
        {endsAt !== null && left === 0 ? 'Reading time is over: discuss.' : `Silent reading: ${clock}`}
      </Text>
      <Button size="xs" variant="light" onClick={() => { setNow(Date.now()); setEndsAt(Date.now() + minutes * 60_000); }}>
        {endsAt === null ? `Start the ${minutes}-minute silent read` : 'Restart'}
      </Button>
    </Group>
  );
}
