import { Anchor, Button, Stack, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useMayActForTeam } from '../teams/use-may-act-for-team';
import { fetchFlywheel, flywheelKeys, type Flywheel } from './flywheel-api';
import { FlywheelCsvUpload } from './flywheel-csv-upload';
import { FlywheelDiagram } from './flywheel-diagram';
import { FlywheelEditor } from './flywheel-editor';
import { FlywheelMetricsList } from './flywheel-metrics-list';
import { FlywheelReviewTable } from './flywheel-review-table';
import { FlywheelValuesForm } from './flywheel-values-form';

/** A team's flywheel: the loop with each metric's latest value and trend, entering values, and the weekly review. */
export function FlywheelPage() {
  const { name = '' } = useParams();
  const client = useQueryClient();
  const mayEdit = useMayActForTeam(name);
  const [editing, setEditing] = useState(false);
  const flywheel = useQuery({ queryKey: flywheelKeys.one(name), queryFn: () => fetchFlywheel(name), retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2 });
  const refresh = () => client.invalidateQueries({ queryKey: flywheelKeys.all(name) });
  const saved = (f: Flywheel) => {
    client.setQueryData(flywheelKeys.one(name), f);
    setEditing(false);
    void refresh();
  };
  const header = (
    <PageHeader
      title={`Flywheel of ${name}`}
      description={
        <Anchor component={Link} to={`/teams/${name}`}>
          Back to the team
        </Anchor>
      }
      actions={mayEdit && flywheel.data && !editing ? <Button variant="default" onClick={() => setEditing(true)}>Edit metrics</Button> : undefined}
    />
  );
  if (isApiError(flywheel.error) && flywheel.error.status === 404 && flywheel.error.code === 'NOT_FOUND') {
    return (
      <Stack>
        {header}
        <Text>This team has not defined its flywheel yet.</Text>
        {mayEdit && <FlywheelEditor team={name} flywheel={null} onSaved={saved} onReload={refresh} />}
      </Stack>
    );
  }
  return (
    <Stack>
      {header}
      <QueryState query={flywheel}>
        {(f) =>
          editing ? (
            <FlywheelEditor key={f.version} team={name} flywheel={f} onSaved={saved} onCancel={() => setEditing(false)} onReload={refresh} />
          ) : (
            <Tabs defaultValue="loop" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="loop">Loop</Tabs.Tab>
                <Tabs.Tab value="review">Weekly review</Tabs.Tab>
                {mayEdit && <Tabs.Tab value="values">Enter values</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="loop" pt="md">
                <Stack>
                  <FlywheelDiagram flywheel={f} />
                  <FlywheelMetricsList team={name} flywheel={f} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="review" pt="md">
                <FlywheelReviewTable team={name} />
              </Tabs.Panel>
              {mayEdit && (
                <Tabs.Panel value="values" pt="md">
                  <Stack>
                    <FlywheelValuesForm team={name} flywheel={f} onRecorded={refresh} />
                    <FlywheelCsvUpload team={name} onRecorded={refresh} />
                  </Stack>
                </Tabs.Panel>
              )}
            </Tabs>
          )
        }
      </QueryState>
    </Stack>
  );
}
