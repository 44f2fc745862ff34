import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { catalogExportUrl } from './catalog-api';
import { splitDocuments } from './import-batches';
import { ImportResults } from './import-results';
import { runImport, type ImportProgress } from './import-runner';
import { useCatalogCache } from './use-catalog-cache';

/** Longer text is not put in the text box, where the browser would spend seconds laying it out. */
const SHOWN_UP_TO = 200_000;

/** Paste or pick a Backstage catalog-info.yaml; every document in it is imported and accounted for. */
export function CatalogImportPage() {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const cache = useCatalogCache();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (yaml: string) => runImport(yaml, setProgress),
    onSettled: cache.imported,
  });
  const run = mutation.data;
  const large = text.length > SHOWN_UP_TO;
  const documents = useMemo(() => (large ? splitDocuments(text).length : 0), [large, text]);

  const pick = async (chosen: File | null) => {
    setFile(chosen);
    setReadError(null);
    if (!chosen) return;
    try {
      setText(await chosen.text());
    } catch {
      setReadError(`${chosen.name} could not be read.`);
    }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (text.trim()) mutation.mutate(text);
  };
  const problem = mutation.error ?? run?.stopped?.error ?? null;
  const yamlError = isApiError(problem) && problem.code === 'YAML_PARSE_ERROR' ? problem : null;

  return (
    <Stack maw={1000}>
      <PageHeader
        title="Import catalog-info.yaml"
        description="Backstage descriptors: Components, APIs, Resources, Systems and Domains, with Groups as teams and Users as people. Importing the same file again changes nothing."
        actions={
          <Button component="a" href={catalogExportUrl} download="catalog-info.yaml" variant="default">
            Download catalog-info.yaml
          </Button>
        }
      />
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
            <FileInput
              label="YAML file"
              description="Read here in the browser; nothing is sent until you press Import"
              placeholder="Choose a .yaml or .yml file"
              accept=".yaml,.yml,application/yaml,text/yaml"
              clearable
              value={file}
              onChange={(f) => void pick(f)}
              error={readError}
              maw={420}
            />
            {large ? (
              <Alert color="gray" title={`${file?.name ?? 'The pasted text'}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${documents.toLocaleString()} documents`}>
                Too long to show here; it is imported as it is, in several requests (Users and Groups first).
                <Group mt="sm">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setText('');
                      setFile(null);
                    }}
                  >
                    Clear
                  </Button>
                </Group>
              </Alert>
            ) : (
              <Textarea
                label="catalog-info.yaml"
                description="One or more documents separated by lines of ---"
                autosize
                minRows={10}
                maxRows={30}
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            )}
            {run?.stopped && (
              <Alert color="red" title={`The import stopped at request ${run.stopped.atBatch} of ${run.batches}`}>
                {run.stopped.error.detail}. The documents sent before it were imported and are counted below; fix the file and import it
                again (what is already in the catalog comes back as unchanged).
              </Alert>
            )}
            {!run?.stopped &&
              (yamlError ? (
                <Alert color="red" title="The YAML does not parse; nothing was imported">
                  {yamlError.detail}
                </Alert>
              ) : (
                <ProblemAlert error={mutation.error} title={isApiError(mutation.error) ? 'Nothing was imported' : undefined} />
              ))}
            <Group justify="space-between">
              <Anchor component={Link} to="/catalog" size="sm">
                Back to the catalog
              </Anchor>
              <Button type="submit" loading={mutation.isPending} disabled={!text.trim()}>
                Import
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {mutation.isPending && progress && (
        <Stack gap={4}>
          <Text c="dimmed">
            {progress.total > 1 ? `Importing: request ${Math.min(progress.done + 1, progress.total)} of ${progress.total}, Users and Groups first…` : 'Importing… a large file can take a while.'}
          </Text>
          {progress.total > 1 && <Progress value={(100 * progress.done) / progress.total} aria-label="Import progress" />}
        </Stack>
      )}
      {run && <ImportResults summary={run.summary} />}
    </Stack>
  );
}
