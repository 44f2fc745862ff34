import { Alert, List } from '@mantine/core';
import type { FlywheelValuesResult } from './flywheel-api';

/** What an upload did: how many values were new, replaced or unchanged, and each row left out. */
export function UploadOutcome({ result }: { result: FlywheelValuesResult }) {
  const summary = `Imported ${result.imported} value(s): ${result.created} new, ${result.replaced} replaced, ${result.unchanged} unchanged.`;
  return (
    <Alert color={result.rejected.length ? 'yellow' : 'green'} title={summary}>
      {result.replaced > 0 && (
        <List size="sm">
          {result.values
            .filter((v) => v.outcome === 'replaced')
            .map((v) => (
              <List.Item key={`${v.metric}|${v.week}`}>{`Replaced ${v.metric} for ${v.week}: ${v.previous} → ${v.value}`}</List.Item>
            ))}
        </List>
      )}
      {result.rejected.length > 0 && (
        <>
          {`${new Set(result.rejected.map((r) => r.row)).size} row(s) were left out:`}
          <List size="sm">
            {result.rejected.map((r) => (
              <List.Item key={`${r.row}|${r.field}`}>{`${rowLabel(r.row)}${r.field ? ` (${r.field})` : ''}: ${r.message}`}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

const rowLabel = (row: string) => row.replace(/^line /, 'Line ');
