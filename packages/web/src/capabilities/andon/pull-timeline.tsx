import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../ui/format-date';
import { PersonLink } from '../people/person-link';
import type { AndonEvent } from './andon-api';

const verbs: Record<AndonEvent['type'], string> = {
  pulled: 'pulled the cord',
  acknowledged: 'acknowledged',
  comment: 'commented',
  override: 'let deploys through',
  resolved: 'resolved',
};

const colors: Record<AndonEvent['type'], string> = {
  pulled: 'red',
  acknowledged: 'orange',
  comment: 'gray',
  override: 'orange',
  resolved: 'teal',
};

/** What happened to a pull, oldest first: pulled, comments, acknowledgement, overrides, resolution. */
export function PullTimeline({ events }: { events: AndonEvent[] }) {
  return (
    <Timeline active={events.length - 1} bulletSize={16} lineWidth={2} aria-label="Timeline">
      {events.map((event, i) => (
        <Timeline.Item
          key={`${event.at}:${i}`}
          color={colors[event.type]}
          title={
            <Text size="sm">
              <Text span fw={600} inherit>
                <PersonLink name={event.actor} />
              </Text>{' '}
              {verbs[event.type]}
            </Text>
          }
        >
          {event.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
