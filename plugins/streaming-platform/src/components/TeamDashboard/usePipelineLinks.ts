import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import { TeamRow } from './rows';

/** Where each pipeline links to and what it is called, by pipeline ref. */
export interface PipelineLinks {
  href(ref: string): string | undefined;
  title(ref: string): string;
}

/**
 * The entity page of each row's catalog entity, resolved once per answer
 * through the catalog's route (not a hard-coded path), for the table and the
 * episode list alike.
 */
export function usePipelineLinks(rows: TeamRow[]): PipelineLinks {
  const entityRoute = useRouteRef(entityRouteRef);
  return useMemo(() => {
    const hrefs = new Map<string, string>();
    const titles = new Map<string, string>();
    for (const row of rows) {
      titles.set(row.ref, row.title);
      if (!row.entity) continue;
      hrefs.set(
        row.ref,
        entityRoute({
          kind: row.entity.kind.toLocaleLowerCase('en-US'),
          namespace: row.entity.metadata.namespace ?? 'default',
          name: row.entity.metadata.name,
        }),
      );
    }
    return {
      href: ref => hrefs.get(ref),
      title: ref => titles.get(ref) ?? ref.split('/').pop() ?? ref,
    };
  }, [rows, entityRoute]);
}
