import { Loader } from '@mantine/core';
import { NothingYet } from './nothing-yet.tsx';

interface LoadingStateProps {
  title: string;
  description: string;
}

/** What a page shows while it waits for the server; a live region, so screen readers hear it. */
export function LoadingState({ title, description }: LoadingStateProps) {
  return (
    <div role="status">
      <NothingYet
        title={title}
        description={description}
        indicator={<Loader size="sm" aria-hidden="true" />}
      />
    </div>
  );
}
