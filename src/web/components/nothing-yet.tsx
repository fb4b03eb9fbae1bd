import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyBoxIcon } from './icons.tsx';

interface NothingYetProps {
  title: string;
  description: string;
  /** Replaces the default empty-box icon, e.g. with a loader while something is checked. */
  indicator?: ReactNode;
}

/** The empty state of an area that has no content yet. */
export function NothingYet({ title, description, indicator }: NothingYetProps) {
  return (
    <EmptyState variant="light" size="lg" icon={indicator ?? <EmptyBoxIcon />} py="xl">
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
    </EmptyState>
  );
}
