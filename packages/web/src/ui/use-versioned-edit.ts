import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isVersionConflict } from './version-conflict-alert';

type VersionedEditOptions<T, V, C> = {
  /** What the form edits, as it was when the form opened: the version that guards the write. */
  item: T;
  valuesOf: (item: T) => V;
  send: (base: T, changes: C) => Promise<T>;
  written: (fresh: T) => void;
  onDone: () => void;
};

/** The state of an edit form that sends only changed fields, guarded by the version it was opened with. */
export function useVersionedEdit<T, V, C extends object>({ item, valuesOf, send, written, onDone }: VersionedEditOptions<T, V, C>) {
  const [base] = useState(item);
  const [values, setValues] = useState(() => valuesOf(item));
  const mutation = useMutation({
    mutationFn: (changes: C) => send(base, changes),
    onSuccess: (fresh) => {
      written(fresh);
      onDone();
    },
  });
  /** Sends the changes, or just closes the form when nothing changed. */
  const save = (changes: C) => {
    if (Object.keys(changes).length === 0) onDone();
    else mutation.mutate(changes);
  };
  return { base, values, setValues, mutation, save, stale: isVersionConflict(mutation.error) };
}
