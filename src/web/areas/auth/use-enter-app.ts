import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ME_QUERY_KEY, meQuery } from '../../api/session.ts';
import { homeAreaPath } from '../area-access.ts';
import { safeNextPath } from './next-path.ts';

/**
 * After a sign-in of any kind (login, accepting an invitation, a password reset): forgets what
 * was cached for whoever used this browser before, reloads the memberships and goes to `next`,
 * or else to the area those memberships open.
 */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (next?: string) => {
      // Inactive only: removing a query the current page still shows would leave that page stuck.
      queryClient.removeQueries({
        type: 'inactive',
        predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0],
      });
      const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      // Checked again here, not only by the sign-in route: every caller's `next` must stay on site.
      const destination = safeNextPath(next) ?? (me ? homeAreaPath(me) : '/login');
      await navigate({ href: destination, replace: true });
    },
    [queryClient, navigate],
  );
}
