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
  session: {
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    signOutFailed: 'We could not sign you out. Try again.',
    area: 'Area',
    currentArea: 'Area: {{area}}',
    checkingTitle: 'Checking that you are signed in',
    checkingDescription: 'This takes only a moment.',
    failedTitle: 'We could not reach keyfob',
    failedDescription: 'Check your internet connection, then try again.',
    retry: 'Try again',
    noAccess: 'Your account does not give you access to this area.',
    goToArea: 'Go to {{area}}',
  },
  fields: {
    email: 'Email',
    password: 'Password',
    newPassword: 'New password',
    name: 'Your name',
    passwordHint: 'At least 12 characters',
    toggleVisibility: 'Show or hide the password',
  },
  validation: {
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter an email address like name@example.com.',
    passwordRequired: 'Enter your password.',
    nameRequired: 'Enter your name.',
    passwordTooShort: 'Use at least 12 characters.',
    passwordTooCommon: 'This password is too common. Choose one that is harder to guess.',
  },
  errors: {
    title: 'That did not work',
    rateLimited: 'Too many attempts. Wait a few minutes, then try again.',
    unexpected: 'Something went wrong on our side. Try again in a moment.',
  },
  datetime: {
    linkValidUntil: 'This link works until {{date}}.',
  },
  login: {
    title: 'Sign in',
    intro: 'Sign in with your email address and password.',
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    invalidCredentials: 'The email or the password is not right. Check both and try again.',
  },
  activate: {
    title: 'Activate your invitation',
    checkingTitle: 'Checking your invitation link',
    checkingDescription: 'Please wait a moment while we check that your link is valid.',
    invitedBy: '{{inviter}} invited you to {{description}}.',
    invitedBySomeone: 'You have been invited to {{description}}.',
    newPersonIntro: 'Choose your name and a password to create your keyfob account.',
    submit: 'Activate',
    signedInAsInvitee: 'You are signed in as {{email}}. Accept to add this to your account.',
    accept: 'Accept invitation',
    existingAccount:
      'You already have a keyfob account with {{email}}. Sign in to accept the invitation; nothing else is needed.',
    signInToAccept: 'Sign in to accept',
    mismatchTitle: 'You are signed in as someone else',
    mismatchNewPerson:
      'This invitation is for {{invitee}}, but you are signed in as {{current}}. Sign out, and this page will let you activate the invitation.',
    mismatchExisting:
      'This invitation is for {{invitee}}, but you are signed in as {{current}}. Sign out, then sign in as {{invitee}} to accept it.',
    expiredTitle: 'This invitation link has expired',
    expired: 'Invitation links work for 24 hours. Ask {{inviter}} to send you a new invitation.',
    expiredNoInviter:
      'Invitation links work for 24 hours. Ask the person who invited you to send a new invitation.',
    usedTitle: 'This invitation has already been used',
    used: 'The invitation was accepted with this link, so your account is ready. Sign in instead.',
    revokedTitle: 'This invitation link no longer works',
    revoked:
      'A newer invitation was sent, or this one was withdrawn. Use the link in the newest mail, or ask {{inviter}}.',
    revokedNoInviter:
      'A newer invitation was sent, or this one was withdrawn. Use the link in the newest mail, or ask the person who invited you.',
    notFoundTitle: 'We could not find this invitation',
    notFound:
      'Check that you opened the whole link from the mail. If you copied it, make sure nothing is missing at the end.',
    failedTitle: 'We could not check your invitation',
  },
  resetPassword: {
    requestTitle: 'Reset your password',
    requestIntro:
      'Enter the email address you use for keyfob. We will mail you a link to choose a new password.',
    send: 'Send reset link',
    sentTitle: 'Check your mail',
    sent: 'If an account exists for that email, we have sent a link to choose a new password. The link works for 24 hours.',
    backToSignIn: 'Back to sign in',
    title: 'Choose a new password',
    intro: 'Choose a new password for {{email}}. You will be signed in here and signed out everywhere else.',
    submit: 'Save password and sign in',
    checkingTitle: 'Checking your reset link',
    checkingDescription: 'Please wait a moment while we check that your link is valid.',
    expiredTitle: 'This reset link has expired',
    expired: 'Reset links work for 24 hours. Ask for a new link.',
    usedTitle: 'This reset link has already been used',
    used: 'Your password was already changed with this link. Sign in with it, or ask for a new link if you need one.',
    revokedTitle: 'This reset link no longer works',
    revoked: 'A newer reset link was sent. Use the link in the newest mail, or ask for a new one.',
    notFoundTitle: 'We could not find this reset link',
    notFound: 'Check that you opened the whole link from the mail, or ask for a new one.',
    failedTitle: 'We could not check your reset link',
    requestNew: 'Ask for a new link',
  },
  memberships: {
    title: 'Your roles',
    signedInAs: 'You are signed in as {{name}} ({{email}}).',
    roles: '{{organization}}: {{roles}}',
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
