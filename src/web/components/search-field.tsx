import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { SearchIcon } from './icons.tsx';

interface SearchFieldProps {
  label: string;
  description?: string;
  /** Called with the trimmed text once typing pauses, so each key press is not a request. */
  onSearch: (q: string) => void;
}

/** A labelled search box for a list. */
export function SearchField({ label, description, onSearch }: SearchFieldProps) {
  const [text, setText] = useState('');
  const [settled] = useDebouncedValue(text.trim(), 250);
  useEffect(() => onSearch(settled), [settled, onSearch]);
  return (
    <TextInput
      type="search"
      label={label}
      description={description}
      leftSection={<SearchIcon />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      maw="28rem"
    />
  );
}
