import type { PrfaqDetail } from '@dayone/contracts';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { VersionConflictAlert, isVersionConflict } from '../../ui/version-conflict-alert';
import { patchPrfaq, prfaqKeys } from './prfaq-api';

/** The bold-bet estimate: probability of success, payoff as a multiple of the cost, and the cost. */
export function BetForm({ doc }: { doc: PrfaqDetail }) {
  const queryClient = useQueryClient();
  const [probability, setProbability] = useState<number | string>(doc.bet ? doc.bet.probability * 100 : '');
  const [payoff, setPayoff] = useState<number | string>(doc.bet?.payoff ?? '');
  const [cost, setCost] = useState<number | string>(doc.bet?.cost ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: prfaqKeys.all });
  const save = useMutation({ mutationFn: () => patchPrfaq(doc, { bet: { probability: Number(probability) / 100, payoff: Number(payoff), cost: Number(cost) } }), onSuccess: refresh });
  const ev = Number(probability) / 100 * Number(payoff) * Number(cost) - Number(cost);
  return (
    <Paper withBorder p="md" component="form" aria-label="Bold bet" onSubmit={(e: React.FormEvent) => { e.preventDefault(); save.mutate(); }}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Bold bet
        </Title>
        <Group align="flex-end">
          <NumberInput label="Chance of success (%)" min={0} max={100} value={probability} onChange={setProbability} w={180} />
          <NumberInput label="Payoff (× cost)" min={0} value={payoff} onChange={setPayoff} w={160} />
          <NumberInput label="Cost" min={0} value={cost} onChange={setCost} w={180} thousandSeparator />
          <Button type="submit" variant="light" loading={save.isPending} disabled={probability === '' || payoff === '' || cost === ''}>
            Save estimate
          </Button>
        </Group>
        {Number.isFinite(ev) && cost !== '' && <Text size="sm">Expected value: {Math.round(ev).toLocaleString()}</Text>}
        {isVersionConflict(save.error) ? <VersionConflictAlert thing="document" current="estimate" onReload={async () => { await refresh(); save.reset(); }} /> : <ProblemAlert error={save.error} title="The estimate was not saved" />}
      </Stack>
    </Paper>
  );
}
