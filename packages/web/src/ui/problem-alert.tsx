import { Alert, List } from '@mantine/core';
import { isApiError } from '../api/api-error';
import { pathIsUnder } from './field-error';

type ProblemAlertProps = {
  error: unknown;
  /** Fields the form shows next to their inputs (with their items, such as "dependsOn.0"); other field errors are listed here. */
  fields?: string[];
  title?: string;
  children?: React.ReactNode;
};

/** A visible alert for a failed request, listing any field errors the form does not show itself. */
export function ProblemAlert({ error, fields = [], title, children }: ProblemAlertProps) {
  if (!error) return null;
  const fieldErrors = isApiError(error) ? error.errors : [];
  const unshown = fieldErrors.filter((e) => !fields.some((field) => pathIsUnder(e.path, field)));
  // A validation problem's detail repeats its field errors, so it is replaced by a summary.
  const detail =
    fieldErrors.length > 0
      ? unshown.length < fieldErrors.length
        ? 'Some fields need correcting; see the messages next to them.'
        : 'The request was not accepted:'
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Alert color="red" title={title ?? detail}>
      {title && detail}
      {unshown.length > 0 && (
        <List size="sm" mt={title ? 'xs' : 0}>
          {unshown.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              {e.path ? `${e.path}: ` : ''}
              {e.message}
            </List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}
