import { webhookEventTypes } from '@dayone/contracts';
import { MultiSelect } from '@mantine/core';

const options = [{ value: '*', label: 'Every event, including ones added later (*)' }, ...webhookEventTypes.map((type) => ({ value: type, label: type }))];

type Props = { value: string[]; onChange: (events: string[]) => void; error?: React.ReactNode };

/** The notice types a webhook subscribes to. */
export function WebhookEventsInput({ value, onChange, error }: Props) {
  return <MultiSelect label="Events" description="What to be told about" data={options} value={value} onChange={onChange} error={error} required w={420} />;
}
