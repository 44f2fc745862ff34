import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../ui/field-error';
import { evenSplit, type VariantValues } from './experiment-form-values';

type VariantFieldsProps = { value: VariantValues[]; onChange: (value: VariantValues[]) => void; error: unknown; localError?: string };

const MAX = 10;

/** The variants of an experiment, control first, each with its share of users in percent. */
export function VariantFields({ value, onChange, error, localError }: VariantFieldsProps) {
  const set = (index: number, next: Partial<VariantValues>) => onChange(value.map((v, i) => (i === index ? { ...v, ...next } : v)));
  const split = (variants: VariantValues[]) => {
    const percents = evenSplit(variants.length);
    return variants.map((v, i) => ({ ...v, percent: percents[i] }));
  };
  const problem = localError ?? fieldError(error, 'variants');
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm">
        Variants
      </Text>
      <Text size="xs" c="dimmed">
        The first variant is the control. The weights are the share of users each variant gets and add up to 100 %.
      </Text>
      {value.map((v, i) => (
        <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
          <TextInput label={`Variant ${i + 1} name`} required value={v.name} onChange={(e) => set(i, { name: e.currentTarget.value })} style={{ flex: 1 }} />
          <NumberInput label={`Variant ${i + 1} weight (%)`} min={0} max={100} value={v.percent} onChange={(percent) => set(i, { percent })} w={170} />
          <Button variant="subtle" color="red" disabled={value.length <= 2} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`Remove variant ${i + 1}`}>
            Remove
          </Button>
        </Group>
      ))}
      {problem && (
        <Text size="sm" c="red.7" role="alert">
          {problem}
        </Text>
      )}
      <Group gap="xs">
        <Button variant="light" size="xs" disabled={value.length >= MAX} onClick={() => onChange(split([...value, { name: `treatment-${value.length}`, percent: 0 }]))}>
          Add variant
        </Button>
        <Button variant="subtle" size="xs" onClick={() => onChange(split(value))}>
          Split evenly
        </Button>
      </Group>
    </Stack>
  );
}
