import {
  ContentHeader,
  EmptyState,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TeamDashboard } from './TeamDashboard';
import { TeamSelector } from './TeamSelector';
import { useMyTeams, useTeamChoices } from './useTeamChoices';

/** The query parameter that holds the chosen team, so a view is linkable. */
export const GROUP_PARAM = 'group';

/**
 * The team dashboard as a page: a team selector (the URL's `?group=`, else
 * the signed-in user's first team) over the dashboard of that team.
 */
export function TeamDashboardPage() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get(GROUP_PARAM) ?? undefined;
  const mine = useMyTeams();
  const choices = useTeamChoices();
  const myTeams = mine.value ?? [];
  const group = chosen ?? myTeams[0];

  const choose = (ref: string, replace = false) =>
    setParams(
      previous => {
        const next = new URLSearchParams(previous);
        next.set(GROUP_PARAM, ref);
        return next;
      },
      { replace },
    );

  // The default goes into the URL too (replacing, not adding, a history
  // entry), so the address bar always links to what is shown.
  useEffect(() => {
    if (!chosen && myTeams[0]) choose(myTeams[0], true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, myTeams[0]]);

  const title =
    choices.value?.find(
      c =>
        group &&
        c.ref.toLocaleLowerCase('en-US') === group.toLocaleLowerCase('en-US'),
    )?.title ?? undefined;

  let body;
  if (!group && mine.loading) {
    body = <Progress />;
  } else if (!group) {
    body = (
      <EmptyState
        missing="field"
        title="Choose a team"
        description={
          mine.error
            ? `Could not tell which teams you belong to (${mine.error.message}). Choose a team above.`
            : 'You belong to no team (Group) in the catalog, so there is no default. Choose a team above to see the pipelines it owns.'
        }
      />
    );
  } else {
    body = <TeamDashboard key={group} group={group} name={title} />;
  }

  return (
    <>
      <ContentHeader title="Team dashboard">
        <TeamSelector
          value={group}
          mine={myTeams}
          all={choices.value ?? []}
          onChange={ref => choose(ref)}
        />
      </ContentHeader>
      {choices.error && (
        <WarningPanel
          severity="warning"
          title="Could not list the teams"
          message={`The catalog did not answer, so only your own teams can be chosen: ${choices.error.message}`}
        />
      )}
      {body}
    </>
  );
}
