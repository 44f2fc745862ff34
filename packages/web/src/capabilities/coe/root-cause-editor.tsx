import { Button, Fieldset, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { SectionEditorProps } from './section-editor-props';
import { emptyWhyChain, emptyWhyStep, type WhyChainValue, type WhyStepRow } from './section-values';

const MAX_CHAINS = 10;
const MAX_STEPS = 20;

/** Five-whys chains: each why is answered by a because, and the next why asks about that answer. */
export function RootCauseEditor({ value, onChange, errors }: SectionEditorProps<WhyChainValue[]>) {
  const setChain = (c: number, chain: WhyChainValue) => onChange(value.map((old, j) => (j === c ? chain : old)));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Keep asking why until the answer is something about the system (a missing check, an unsafe default), not a person. Five is a guide, not a rule.
      </Text>
      {errors[''] && (
        <Text size="sm" c="red.7" role="alert">
          {errors['']}
        </Text>
      )}
      {value.length === 0 && <Text c="dimmed">No five-whys chain yet.</Text>}
      {value.map((chain, c) => (
        <WhyChainFields
          key={chain.key}
          index={c}
          chain={chain}
          errors={errors}
          onChange={(next) => setChain(c, next)}
          onRemove={() => onChange(value.filter((_, j) => j !== c))}
        />
      ))}
      <Group>
        <Button variant="light" size="xs" disabled={value.length >= MAX_CHAINS} onClick={() => onChange([...value, emptyWhyChain()])}>
          Add a five-whys chain
        </Button>
      </Group>
    </Stack>
  );
}

type WhyChainFieldsProps = { index: number; chain: WhyChainValue; errors: Record<string, string>; onChange: (chain: WhyChainValue) => void; onRemove: () => void };

function WhyChainFields({ index: c, chain, errors, onChange, onRemove }: WhyChainFieldsProps) {
  const setStep = (s: number, patch: Partial<WhyStepRow>) => onChange({ ...chain, steps: chain.steps.map((old, j) => (j === s ? { ...old, ...patch } : old)) });
  const stepsError = errors[`${c}.steps`] ?? errors[`${c}`];
  return (
    <Fieldset legend={`Chain ${c + 1}`}>
      <Stack gap="xs">
        <TextInput
          label={`Problem of chain ${c + 1}`}
          description="Optional: the problem this chain explains"
          maxLength={200}
          value={chain.title}
          onChange={(e) => onChange({ ...chain, title: e.currentTarget.value })}
          error={errors[`${c}.title`]}
        />
        {stepsError && (
          <Text size="sm" c="red.7" role="alert">
            {stepsError}
          </Text>
        )}
        {chain.steps.map((step, s) => (
          <Group key={step.key} align="flex-start" gap="sm" wrap="wrap">
            <Textarea
              label={`Why ${s + 1}`}
              autosize
              minRows={1}
              maxLength={1000}
              value={step.why}
              onChange={(e) => setStep(s, { why: e.currentTarget.value })}
              error={errors[`${c}.steps.${s}.why`] ?? errors[`${c}.steps.${s}`]}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Textarea
              label={`Because ${s + 1}`}
              autosize
              minRows={1}
              maxLength={2000}
              value={step.because}
              onChange={(e) => setStep(s, { because: e.currentTarget.value })}
              error={errors[`${c}.steps.${s}.because`]}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button
              variant="subtle"
              color="red"
              mt={25}
              disabled={chain.steps.length <= 1}
              aria-label={`Remove why ${s + 1} of chain ${c + 1}`}
              onClick={() => onChange({ ...chain, steps: chain.steps.filter((_, j) => j !== s) })}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group gap="xs">
          <Button variant="light" size="xs" disabled={chain.steps.length >= MAX_STEPS} onClick={() => onChange({ ...chain, steps: [...chain.steps, emptyWhyStep()] })}>
            Add a why
          </Button>
          <Button variant="subtle" color="red" size="xs" aria-label={`Remove chain ${c + 1}`} onClick={onRemove}>
            Remove chain
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
