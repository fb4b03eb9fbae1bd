import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../api/session.ts';

const AreaMeContext = createContext<Me | null>(null);

/** Hands the signed-in person, already checked by an area's layout, to the pages inside it. */
export function AreaMeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <AreaMeContext.Provider value={me}>{children}</AreaMeContext.Provider>;
}

/**
 * The signed-in person on a page inside an area layout. The layout renders its pages only once
 * the session is known, so a missing value is a page mounted outside its layout: a bug.
 */
export function useAreaMe(): Me {
  const me = useContext(AreaMeContext);
  if (!me) throw new Error('useAreaMe() is only for pages inside an area layout');
  return me;
}
