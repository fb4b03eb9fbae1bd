import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { logOut, ME_QUERY_KEY } from '../../api/session.ts';

/**
 * Signs out: ends the session on the server, forgets the person here, and by default goes to the
 * sign-in page. `stay` keeps the current page, for pages that change once nobody is signed in.
 */
export function useSignOut({ stay = false }: { stay?: boolean } = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await logOut();
      } catch (error) {
        // An ended or expired session is already what signing out wants.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      queryClient.setQueryData(ME_QUERY_KEY, null);
      if (stay) return;
      await navigate({ to: '/login' });
      // Only after leaving the page: a query removed under a mounted page would leave it stuck.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}
