import { Button, Code, CopyButton, Group } from '@mantine/core';

type CopyValueProps = { value: string; label: string };

/** A value shown in full with a button that copies it; `label` names what is copied. */
export function CopyValue({ value, label }: CopyValueProps) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy} aria-label={`Copy ${label}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
