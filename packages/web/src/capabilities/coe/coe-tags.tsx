import { ActionIcon, Badge, Group, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { addCoeTag, removeCoeTag } from './coe-api';
import { useCoeCache } from './use-coe-cache';

/** The COE's tags, each a link to the COEs that share it; the owning team adds and removes them. */
export function CoeTags({ number, tags, editable }: { number: number; tags: string[]; editable: boolean }) {
  const cache = useCoeCache();
  const [draft, setDraft] = useState('');
  const add = useMutation({ mutationFn: (tag: string) => addCoeTag(number, tag), onSuccess: () => (setDraft(''), cache.changed(number)) });
  const remove = useMutation({ mutationFn: (tag: string) => removeCoeTag(number, tag), onSuccess: () => cache.changed(number) });
  return (
    <div>
      <Group gap="xs" aria-label="Tags" role="group">
        {tags.length === 0 && !editable && <span>No tags</span>}
        {tags.map((tag) => (
          <Badge
            key={tag}
            variant="light"
            component={Link}
            to={`/coes?tag=${encodeURIComponent(tag)}`}
            style={{ cursor: 'pointer' }}
            rightSection={
              editable ? (
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={`Remove tag ${tag}`}
                  onClick={(e) => {
                    e.preventDefault();
                    remove.mutate(tag);
                  }}
                >
                  ×
                </ActionIcon>
              ) : undefined
            }
          >
            {tag}
          </Badge>
        ))}
        {editable && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim()) add.mutate(draft.trim());
            }}
          >
            <TextInput size="xs" placeholder="Add a tag, e.g. card-payments" aria-label="Add a tag" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} w={220} />
          </form>
        )}
      </Group>
      <ProblemAlert error={add.error ?? remove.error} title="The tag was not changed" />
    </div>
  );
}
