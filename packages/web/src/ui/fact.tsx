import { Group, Text } from '@mantine/core';

type FactProps = { label: string; children: React.ReactNode; /** Width of the label column, so a block of facts lines up. */ labelWidth?: number };

/** One labelled line of a detail page's facts block, such as "Owner" or "Updated". */
export function Fact({ label, children, labelWidth = 110 }: FactProps) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fw={600} size="sm" w={labelWidth} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}
