import { NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { SectionEditorProps } from './section-editor-props';
import type { ImpactValue, NumberField } from './section-values';

const numberFields: { name: Exclude<keyof ImpactValue, 'description'>; label: string; description: string; decimals: boolean }[] = [
  { name: 'customersAffected', label: 'Customers affected', description: 'How many customers noticed', decimals: false },
  { name: 'durationMinutes', label: 'Duration (minutes)', description: 'From start to resolution', decimals: true },
  { name: 'failedRequests', label: 'Failed requests', description: 'Requests that errored or timed out', decimals: false },
  { name: 'money', label: 'Cost (money)', description: 'Lost sales, refunds, credits', decimals: true },
];

/** A NumberInput gives a string while a number is being typed or when it is empty. */
const asNumberField = (value: number | string): NumberField => (typeof value === 'number' ? value : '');

/** Who was hurt and how much, in numbers wherever they are known. */
export function ImpactEditor({ value, onChange, errors }: SectionEditorProps<ImpactValue>) {
  return (
    <Stack gap="sm">
      <Textarea
        label="Impact description"
        description="What customers experienced, in their terms."
        autosize
        minRows={3}
        maxLength={10_000}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.currentTarget.value })}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {numberFields.map((field) => (
          <NumberInput
            key={field.name}
            label={field.label}
            description={field.description}
            min={0}
            allowNegative={false}
            allowDecimal={field.decimals}
            thousandSeparator=","
            value={value[field.name]}
            onChange={(next) => onChange({ ...value, [field.name]: asNumberField(next) })}
            error={errors[field.name]}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
