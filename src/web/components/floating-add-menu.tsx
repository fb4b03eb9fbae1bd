import { ActionIcon, Affix, Menu } from '@mantine/core';
import { PlusIcon } from './icons.tsx';

export interface AddMenuItem {
  label: string;
  onSelect: () => void;
}

interface FloatingAddMenuProps {
  /** The button's accessible name: it shows only a +. */
  label: string;
  items: AddMenuItem[];
}

/**
 * The + at the bottom right of the screen that the help articles describe, opening a menu of
 * what can be added. It stays in the page's DOM order (not portalled), so it is inside the main
 * landmark and reached by Tab after the list.
 */
export function FloatingAddMenu({ label, items }: FloatingAddMenuProps) {
  if (items.length === 0) return null;
  return (
    <Affix position={{ bottom: 24, right: 24 }} withinPortal={false} zIndex={150}>
      <Menu position="top-end" shadow="md" withinPortal>
        <Menu.Target>
          <ActionIcon size={56} radius="xl" variant="filled" aria-label={label} title={label}>
            <PlusIcon size={28} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map((item) => (
            <Menu.Item key={item.label} onClick={item.onSelect} fz="md">
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Affix>
  );
}
