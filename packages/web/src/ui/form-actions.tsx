import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';

type FormActionsProps = {
  submitLabel: string;
  loading: boolean;
  color?: string;
} & ({ /** Where Cancel leads, on a page of its own. */ cancelTo: string } | { /** What Cancel does, in a dialog. */ onCancel: () => void });

/** The Cancel and submit buttons at the foot of a form. */
export function FormActions({ submitLabel, loading, color, ...cancel }: FormActionsProps) {
  return (
    <Group justify="flex-end">
      {'cancelTo' in cancel ? (
        <Button component={Link} to={cancel.cancelTo} variant="default">
          Cancel
        </Button>
      ) : (
        <Button variant="default" onClick={cancel.onCancel}>
          Cancel
        </Button>
      )}
      <Button type="submit" color={color} loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}
