import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine components rendered as router links: the router handles the click (no page reload) and
// types `to` and `params`, while Mantine keeps the look. Each base renders a real <a href>.

type AnchorElementProps<P> = P & Omit<ComponentPropsWithRef<'a'>, keyof P>;

function AnchorBase(props: AnchorElementProps<AnchorProps>) {
  return <Anchor {...props} />;
}

function ButtonBase(props: AnchorElementProps<ButtonProps>) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: AnchorElementProps<NavLinkProps>) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine `Anchor` that navigates within the app. */
export const AnchorLink = createLink(AnchorBase);

/** A Mantine `Button` that navigates within the app. */
export const ButtonLink = createLink(ButtonBase);

/** A Mantine `NavLink` (menu row) that navigates within the app. */
export const NavLinkLink = createLink(NavLinkBase);
