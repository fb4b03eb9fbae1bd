/** English texts. Their shape is the contract every other language must fill in full. */
export const en = {
  brand: 'keyfob',
  nav: {
    label: 'Main',
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    menuTitle: 'Menu',
    admin: 'Admin portal',
    workshop: 'Workshop portal',
    app: 'Driver app',
    signIn: 'Sign in',
  },
  language: {
    label: 'Language',
  },
  page: {
    titleSuffix: 'keyfob',
  },
  landing: {
    title: 'Welcome to keyfob',
    intro:
      'keyfob lets workshops, households and fleets share connected cars, so every person gets exactly the access they should have: no more, no less.',
    areasTitle: 'Choose where to go',
    adminDescription: 'For companies and workshop chains: manage organisations, staff and who may do what.',
    adminLink: 'Open the admin portal',
    workshopDescription: 'For workshops: receive cars, book service and keep in touch with drivers.',
    workshopLink: 'Open the workshop portal',
    appDescription: 'For drivers and households: find your car, share it and follow its trips.',
    appLink: 'Open the driver app',
    signInPrompt: 'Already have an account?',
    signInLink: 'Sign in to keyfob',
  },
  empty: {
    title: 'Nothing here yet',
  },
  login: {
    title: 'Sign in',
    emptyTitle: 'Sign-in is coming soon',
    emptyDescription: 'You will soon be able to sign in here with your email address.',
  },
  activate: {
    title: 'Activate your invitation',
    checkingTitle: 'Checking your invitation link',
    checkingDescription: 'Please wait a moment while we check that your link is valid.',
  },
  admin: {
    title: 'Admin portal',
    emptyDescription: 'Organisations, staff and permissions will be managed here.',
  },
  workshop: {
    title: 'Workshop portal',
    emptyDescription: 'The cars in your care, bookings and messages from drivers will appear here.',
  },
  app: {
    title: 'Driver app',
    emptyDescription: 'Your cars, the people you share them with and your trips will appear here.',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address. Check the link, or start again from the home page.',
    homeLink: 'Go to the home page',
  },
};

/** The shape of one language's texts. */
export type Messages = typeof en;
