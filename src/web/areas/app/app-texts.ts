/**
 * Texts of the driver app, in English. They live beside the pages (not in i18n/en.ts) and are
 * merged into the `translation` namespace under `driverApp` by use-app-texts.ts.
 */
export const en = {
  nav: {
    label: 'Driver app',
    status: 'Status',
    notifications: 'Notifications',
    unread: '{{count}} unread',
    more: 'More',
  },
  roles: {
    primary: 'Primary user',
    secondary: 'Secondary user',
  },
  sharing: {
    legend: 'What everyone who uses the car may see',
    shared: 'Shared access',
    sharedHint: 'Everyone who uses the car sees its live position and the routes of its trips.',
    limited: 'Limited location',
    limitedHint:
      'No one sees the live position, you included. Trip routes are shown only to the people a trip is assigned to.',
    common:
      "Either way, everyone sees the car's status, warning lights and trip times, and can use the workshop chat and booking.",
    required: 'Choose Shared access or Limited location.',
  },
  vehicle: {
    switcher: 'Vehicle',
    option: '{{plate}} · {{make}} {{model}}',
    makeModel: 'Make and model',
    year: 'Model year',
    myRole: 'Your role',
    sharing: 'Data sharing',
    loadingTitle: 'Loading your car',
    failedTitle: 'We could not load this car',
    goneTitle: 'You no longer have access to this vehicle',
    gone: 'The primary user may have removed you, or the car has left keyfob. Ask the primary user if you think this is a mistake.',
    otherVehicles: 'Your other vehicles:',
    emptyTitle: 'No vehicles yet',
    empty:
      "When a workshop or a car's primary user invites you, the car appears here. Look for the invitation in your email.",
    manageUsers: 'Manage users',
    seeUsers: 'Users of this car',
  },
  status: {
    factsLabel: 'About the car',
    positionHeading: 'Position',
    positionHidden: 'Position hidden: limited sharing',
    positionHiddenPrimary:
      'You chose Limited location, so no one sees where the car is, you included. You can change this in Manage users.',
    positionHiddenSecondary:
      'The primary user chose Limited location, so no one sees where the car is, the primary user included.',
    positionNone: "No position yet. It appears once the car's connected device reports one.",
    coordinates: 'Latitude {{lat}}, longitude {{lon}}',
    reportedAt: 'Reported {{date}}',
    openMap: 'Open the position in OpenStreetMap',
    alarmsHeading: 'Warning lights',
    noAlarms: 'No warning lights',
    alarmsLabel: 'Active warning lights',
    alarmSince: '{{code}}, since {{date}}',
  },
  tile: {
    title: 'Share the car with your household',
    intro:
      'Invite family, friends or colleagues who drive this car as secondary users, up to 5. First choose what everyone who uses the car may see; you can change it later in Manage users.',
    emailLabel: 'Email address of someone to invite (optional)',
    emailHint: 'They get an email with a link to register. You can invite more people in Manage users.',
    save: 'Save choice',
    saveAndInvite: 'Save and send invitation',
    saved: 'Data sharing is set to {{level}}.',
    savedAndInvited:
      'Data sharing is set to {{level}}. Invitation sent to {{email}}; the activation link works for 24 hours.',
  },
  users: {
    titlePrimary: 'Manage users',
    titleSecondary: 'Users',
    vehicleLine: '{{plate}} · {{make}} {{model}}',
    back: 'Back to the status of {{plate}}',
    listHeading: 'People who use this car',
    listLabel: 'Users of {{plate}}',
    you: 'you',
    since: 'Since {{date}}',
    remove: 'Remove',
    removeNamed: 'Remove {{name}}',
    removeTitle: 'Remove user',
    removeConfirm:
      'Remove {{name}} from {{plate}}? They lose access at once, pages they have open included. You can invite them again later.',
    removeButton: 'Remove user',
    removed: '{{name}} was removed from {{plate}}.',
    askPrimary: 'To leave this vehicle, ask the primary user ({{name}}) to remove you.',
    askPrimaryUnnamed: 'To leave this vehicle, ask the primary user to remove you.',
    secondaryNote: 'Only the primary user can invite or remove users and change data sharing.',
  },
  invitations: {
    heading: 'Pending invitations',
    none: 'No pending invitations.',
    listLabel: 'Pending invitations',
    expiresIn: 'The activation link expires {{relative}} ({{date}}).',
    expiredAgo:
      'The activation link expired {{relative}} ({{date}}). Resend the invitation to mail a new one.',
    resendNamed: 'Resend invitation to {{email}}',
    revokeNamed: 'Revoke invitation to {{email}}',
  },
  invite: {
    heading: 'Invite a secondary user',
    count: '{{count}} of 5 secondary users, pending invitations included',
    emailLabel: 'Email address of the person to invite',
    full: 'This car has 5 secondary users and invitations, the most it can have. Remove someone or revoke an invitation to invite another person.',
  },
  sharingSection: {
    heading: 'Data sharing',
    intro: 'One level for everyone who uses the car. A change applies at once, and everyone is notified.',
    save: 'Save data sharing',
    saved: 'Data sharing is set to {{level}}. Everyone who uses the car has been notified.',
  },
  more: {
    title: 'More',
    vehiclesHeading: 'Your vehicles',
    vehiclesLabel: 'Your vehicles',
    status: 'Status of {{plate}}',
    manageUsersOf: 'Manage users of {{plate}}',
    usersOf: 'Users of {{plate}}',
  },
  notifications: {
    title: 'Notifications',
    listLabel: 'Notifications',
    emptyTitle: 'No notifications',
    empty: 'Changes to your cars, such as a new data-sharing level, will be listed here.',
    unavailableTitle: 'Notifications are not available yet',
    unavailable: 'This keyfob server does not send notifications yet. Nothing is lost: check again later.',
    unread: 'Unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    sharingChanged: '{{name}} changed data sharing for {{plate}} to {{level}}.',
    sharingChangedByYou: 'You changed data sharing for {{plate}} to {{level}}.',
    sharingChangedGone: '{{name}} changed data sharing for a car you no longer use to {{level}}.',
    sharingChangedGoneByYou: 'You changed data sharing for a car you no longer use to {{level}}.',
  },
  problems: {
    secondaryUserLimit:
      'This car already has 5 secondary users and invitations. Remove someone or revoke an invitation first.',
    alreadyInvited: 'This person already has a pending invitation. Resend it from the list below.',
    alreadyAUser: 'This person already uses this car.',
    askThePrimary: 'Only the primary user can remove you. Ask them to do it.',
    onlyThePrimary: 'Only the primary user can do this.',
    goneMeanwhile: 'This changed in the meantime. The page now shows it as it is.',
  },
};

/** The same keys as `en`, every text a string: what each other language must fill in full. */
export type AppTexts = TextsShape<typeof en>;
type TextsShape<T> = { [K in keyof T]: T[K] extends string ? string : TextsShape<T[K]> };

/** Danish texts. */
export const da: AppTexts = {
  nav: {
    label: 'Førerapp',
    status: 'Status',
    notifications: 'Beskeder',
    unread: '{{count}} ulæste',
    more: 'Mere',
  },
  roles: {
    primary: 'Primær bruger',
    secondary: 'Sekundær bruger',
  },
  sharing: {
    legend: 'Hvad alle, der bruger bilen, må se',
    shared: 'Delt adgang',
    sharedHint: 'Alle, der bruger bilen, ser dens aktuelle position og ruterne for dens ture.',
    limited: 'Begrænset position',
    limitedHint:
      'Ingen ser den aktuelle position, heller ikke dig. Turenes ruter vises kun for dem, turen er tildelt.',
    common:
      'Uanset valget ser alle bilens status, advarselslamper og turtider og kan bruge værkstedschatten og bookingen.',
    required: 'Vælg Delt adgang eller Begrænset position.',
  },
  vehicle: {
    switcher: 'Køretøj',
    option: '{{plate}} · {{make}} {{model}}',
    makeModel: 'Mærke og model',
    year: 'Årgang',
    myRole: 'Din rolle',
    sharing: 'Datadeling',
    loadingTitle: 'Henter din bil',
    failedTitle: 'Vi kunne ikke hente bilen',
    goneTitle: 'Du har ikke længere adgang til dette køretøj',
    gone: 'Den primære bruger har måske fjernet dig, eller bilen er ikke længere i keyfob. Spørg den primære bruger, hvis du mener, det er en fejl.',
    otherVehicles: 'Dine andre køretøjer:',
    emptyTitle: 'Ingen køretøjer endnu',
    empty:
      'Når et værksted eller en bils primære bruger inviterer dig, vises bilen her. Se efter invitationen i din e-mail.',
    manageUsers: 'Administrér brugere',
    seeUsers: 'Bilens brugere',
  },
  status: {
    factsLabel: 'Om bilen',
    positionHeading: 'Position',
    positionHidden: 'Position skjult: begrænset deling',
    positionHiddenPrimary:
      'Du har valgt Begrænset position, så ingen ser, hvor bilen er, heller ikke dig. Du kan ændre det under Administrér brugere.',
    positionHiddenSecondary:
      'Den primære bruger har valgt Begrænset position, så ingen ser, hvor bilen er, heller ikke den primære bruger.',
    positionNone: 'Ingen position endnu. Den vises, når bilens tilsluttede enhed melder en.',
    coordinates: 'Breddegrad {{lat}}, længdegrad {{lon}}',
    reportedAt: 'Meldt {{date}}',
    openMap: 'Åbn positionen i OpenStreetMap',
    alarmsHeading: 'Advarselslamper',
    noAlarms: 'Ingen advarselslamper',
    alarmsLabel: 'Aktive advarselslamper',
    alarmSince: '{{code}}, siden {{date}}',
  },
  tile: {
    title: 'Del bilen med din husstand',
    intro:
      'Invitér familie, venner eller kolleger, der kører bilen, som sekundære brugere, højst 5. Vælg først, hvad alle, der bruger bilen, må se; du kan ændre det senere under Administrér brugere.',
    emailLabel: 'E-mailadresse på en, du vil invitere (valgfrit)',
    emailHint:
      'De får en e-mail med et link til at oprette sig. Du kan invitere flere under Administrér brugere.',
    save: 'Gem valget',
    saveAndInvite: 'Gem og send invitation',
    saved: 'Datadeling er sat til {{level}}.',
    savedAndInvited:
      'Datadeling er sat til {{level}}. Invitationen er sendt til {{email}}; aktiveringslinket virker i 24 timer.',
  },
  users: {
    titlePrimary: 'Administrér brugere',
    titleSecondary: 'Brugere',
    vehicleLine: '{{plate}} · {{make}} {{model}}',
    back: 'Tilbage til status for {{plate}}',
    listHeading: 'Personer, der bruger bilen',
    listLabel: 'Brugere af {{plate}}',
    you: 'dig',
    since: 'Siden {{date}}',
    remove: 'Fjern',
    removeNamed: 'Fjern {{name}}',
    removeTitle: 'Fjern bruger',
    removeConfirm:
      'Fjern {{name}} fra {{plate}}? De mister adgangen med det samme, også på sider, de har åbne. Du kan invitere dem igen senere.',
    removeButton: 'Fjern bruger',
    removed: '{{name}} er fjernet fra {{plate}}.',
    askPrimary: 'Hvis du vil forlade køretøjet, så bed den primære bruger ({{name}}) om at fjerne dig.',
    askPrimaryUnnamed: 'Hvis du vil forlade køretøjet, så bed den primære bruger om at fjerne dig.',
    secondaryNote: 'Kun den primære bruger kan invitere og fjerne brugere og ændre datadelingen.',
  },
  invitations: {
    heading: 'Afventende invitationer',
    none: 'Ingen afventende invitationer.',
    listLabel: 'Afventende invitationer',
    expiresIn: 'Aktiveringslinket udløber {{relative}} ({{date}}).',
    expiredAgo:
      'Aktiveringslinket udløb {{relative}} ({{date}}). Send invitationen igen for at maile et nyt.',
    resendNamed: 'Send invitationen igen til {{email}}',
    revokeNamed: 'Tilbagekald invitationen til {{email}}',
  },
  invite: {
    heading: 'Invitér en sekundær bruger',
    count: '{{count}} af 5 sekundære brugere, afventende invitationer medregnet',
    emailLabel: 'E-mailadresse på den, du vil invitere',
    full: 'Bilen har 5 sekundære brugere og invitationer, det højeste antal. Fjern en bruger eller tilbagekald en invitation for at invitere en ny.',
  },
  sharingSection: {
    heading: 'Datadeling',
    intro: 'Ét niveau for alle, der bruger bilen. En ændring gælder med det samme, og alle får besked.',
    save: 'Gem datadeling',
    saved: 'Datadeling er sat til {{level}}. Alle, der bruger bilen, har fået besked.',
  },
  more: {
    title: 'Mere',
    vehiclesHeading: 'Dine køretøjer',
    vehiclesLabel: 'Dine køretøjer',
    status: 'Status for {{plate}}',
    manageUsersOf: 'Administrér brugere af {{plate}}',
    usersOf: 'Brugere af {{plate}}',
  },
  notifications: {
    title: 'Beskeder',
    listLabel: 'Beskeder',
    emptyTitle: 'Ingen beskeder',
    empty: 'Ændringer ved dine biler, fx et nyt niveau for datadeling, vises her.',
    unavailableTitle: 'Beskeder er ikke tilgængelige endnu',
    unavailable: 'Denne keyfob-server sender endnu ikke beskeder. Intet går tabt: kig igen senere.',
    unread: 'Ulæst',
    markRead: 'Markér som læst',
    markAllRead: 'Markér alle som læst',
    sharingChanged: '{{name}} har ændret datadeling for {{plate}} til {{level}}.',
    sharingChangedByYou: 'Du har ændret datadeling for {{plate}} til {{level}}.',
    sharingChangedGone: '{{name}} har ændret datadeling til {{level}} for en bil, du ikke længere bruger.',
    sharingChangedGoneByYou: 'Du har ændret datadeling til {{level}} for en bil, du ikke længere bruger.',
  },
  problems: {
    secondaryUserLimit:
      'Bilen har allerede 5 sekundære brugere og invitationer. Fjern en bruger eller tilbagekald en invitation først.',
    alreadyInvited: 'Personen har allerede en afventende invitation. Send den igen fra listen nedenfor.',
    alreadyAUser: 'Personen bruger allerede bilen.',
    askThePrimary: 'Kun den primære bruger kan fjerne dig. Bed vedkommende om det.',
    onlyThePrimary: 'Kun den primære bruger kan gøre dette.',
    goneMeanwhile: 'Dette er ændret i mellemtiden. Siden viser det nu, som det er.',
  },
};
