import type { Messages } from './en.ts';

/** Danish texts. */
export const da: Messages = {
  brand: 'keyfob',
  nav: {
    label: 'Hovedmenu',
    openMenu: 'Åbn menu',
    closeMenu: 'Luk menu',
    menuTitle: 'Menu',
    admin: 'Administrationsportal',
    workshop: 'Værkstedsportal',
    app: 'Førerapp',
    signIn: 'Log ind',
  },
  language: {
    label: 'Sprog',
  },
  page: {
    titleSuffix: 'keyfob',
  },
  landing: {
    title: 'Velkommen til keyfob',
    intro:
      'Med keyfob kan værksteder, husstande og flåder dele forbundne biler, så hver person får præcis den adgang, de skal have: hverken mere eller mindre.',
    areasTitle: 'Vælg, hvor du vil hen',
    adminDescription:
      'For virksomheder og værkstedskæder: administrér organisationer, medarbejdere og rettigheder.',
    adminLink: 'Åbn administrationsportalen',
    workshopDescription: 'For værksteder: modtag biler, book service og hold kontakten med førerne.',
    workshopLink: 'Åbn værkstedsportalen',
    appDescription: 'For førere og husstande: find din bil, del den og følg dens ture.',
    appLink: 'Åbn førerappen',
    signInPrompt: 'Har du allerede en konto?',
    signInLink: 'Log ind på keyfob',
  },
  empty: {
    title: 'Her er intet endnu',
  },
  session: {
    signedInAs: 'Logget ind som {{name}}',
    signOut: 'Log ud',
    signOutFailed: 'Vi kunne ikke logge dig ud. Prøv igen.',
    area: 'Område',
    currentArea: 'Område: {{area}}',
    checkingTitle: 'Vi tjekker, at du er logget ind',
    checkingDescription: 'Det tager kun et øjeblik.',
    failedTitle: 'Vi kunne ikke få forbindelse til keyfob',
    failedDescription: 'Tjek din internetforbindelse, og prøv så igen.',
    retry: 'Prøv igen',
    noAccess: 'Din konto giver ikke adgang til dette område.',
    goToArea: 'Gå til {{area}}',
  },
  fields: {
    email: 'E-mail',
    password: 'Adgangskode',
    newPassword: 'Ny adgangskode',
    name: 'Dit navn',
    passwordHint: 'Mindst 12 tegn',
    toggleVisibility: 'Vis eller skjul adgangskoden',
  },
  validation: {
    emailRequired: 'Skriv din e-mailadresse.',
    emailInvalid: 'Skriv en e-mailadresse som navn@eksempel.dk.',
    passwordRequired: 'Skriv din adgangskode.',
    nameRequired: 'Skriv dit navn.',
    passwordTooShort: 'Brug mindst 12 tegn.',
    passwordTooCommon: 'Denne adgangskode er for almindelig. Vælg en, der er sværere at gætte.',
  },
  errors: {
    title: 'Det lykkedes ikke',
    rateLimited: 'For mange forsøg. Vent et par minutter, og prøv så igen.',
    unexpected: 'Noget gik galt hos os. Prøv igen om et øjeblik.',
  },
  datetime: {
    linkValidUntil: 'Linket virker indtil {{date}}.',
  },
  login: {
    title: 'Log ind',
    intro: 'Log ind med din e-mailadresse og adgangskode.',
    submit: 'Log ind',
    forgotPassword: 'Har du glemt din adgangskode?',
    invalidCredentials: 'E-mailen eller adgangskoden er forkert. Tjek dem begge, og prøv igen.',
  },
  activate: {
    title: 'Aktivér din invitation',
    checkingTitle: 'Vi tjekker dit invitationslink',
    checkingDescription: 'Vent et øjeblik, mens vi tjekker, at dit link er gyldigt.',
    invitedBy: '{{inviter}} har inviteret dig til {{description}}.',
    invitedBySomeone: 'Du er blevet inviteret til {{description}}.',
    newPersonIntro: 'Vælg dit navn og en adgangskode for at oprette din keyfob-konto.',
    submit: 'Aktivér',
    signedInAsInvitee: 'Du er logget ind som {{email}}. Acceptér for at føje dette til din konto.',
    accept: 'Acceptér invitationen',
    existingAccount:
      'Du har allerede en keyfob-konto med {{email}}. Log ind for at acceptere invitationen; mere skal der ikke til.',
    signInToAccept: 'Log ind for at acceptere',
    mismatchTitle: 'Du er logget ind som en anden',
    mismatchNewPerson:
      'Invitationen er til {{invitee}}, men du er logget ind som {{current}}. Log ud, så kan du aktivere invitationen på denne side.',
    mismatchExisting:
      'Invitationen er til {{invitee}}, men du er logget ind som {{current}}. Log ud, og log så ind som {{invitee}} for at acceptere den.',
    expiredTitle: 'Invitationslinket er udløbet',
    expired: 'Invitationslinks virker i 24 timer. Bed {{inviter}} om at sende dig en ny invitation.',
    expiredNoInviter:
      'Invitationslinks virker i 24 timer. Bed den, der inviterede dig, om at sende en ny invitation.',
    usedTitle: 'Invitationen er allerede brugt',
    used: 'Invitationen er blevet accepteret med dette link, så din konto er klar. Log ind i stedet.',
    revokedTitle: 'Invitationslinket virker ikke længere',
    revoked:
      'Der er sendt en nyere invitation, eller denne er blevet trukket tilbage. Brug linket i den nyeste mail, eller spørg {{inviter}}.',
    revokedNoInviter:
      'Der er sendt en nyere invitation, eller denne er blevet trukket tilbage. Brug linket i den nyeste mail, eller spørg den, der inviterede dig.',
    notFoundTitle: 'Vi kunne ikke finde invitationen',
    notFound:
      'Tjek, at du har åbnet hele linket fra mailen. Hvis du har kopieret det, så se efter, at intet mangler til sidst.',
    failedTitle: 'Vi kunne ikke tjekke din invitation',
  },
  resetPassword: {
    requestTitle: 'Nulstil din adgangskode',
    requestIntro:
      'Skriv den e-mailadresse, du bruger til keyfob. Vi sender dig et link, så du kan vælge en ny adgangskode.',
    send: 'Send link til nulstilling',
    sentTitle: 'Tjek din mail',
    sent: 'Hvis der findes en konto med den e-mail, har vi sendt et link til at vælge en ny adgangskode. Linket virker i 24 timer.',
    backToSignIn: 'Tilbage til log ind',
    title: 'Vælg en ny adgangskode',
    intro: 'Vælg en ny adgangskode til {{email}}. Du bliver logget ind her og logget ud alle andre steder.',
    submit: 'Gem adgangskoden og log ind',
    checkingTitle: 'Vi tjekker dit nulstillingslink',
    checkingDescription: 'Vent et øjeblik, mens vi tjekker, at dit link er gyldigt.',
    expiredTitle: 'Nulstillingslinket er udløbet',
    expired: 'Nulstillingslinks virker i 24 timer. Bed om et nyt link.',
    usedTitle: 'Nulstillingslinket er allerede brugt',
    used: 'Din adgangskode er allerede skiftet med dette link. Log ind med den, eller bed om et nyt link, hvis du har brug for det.',
    revokedTitle: 'Nulstillingslinket virker ikke længere',
    revoked: 'Der er sendt et nyere nulstillingslink. Brug linket i den nyeste mail, eller bed om et nyt.',
    notFoundTitle: 'Vi kunne ikke finde nulstillingslinket',
    notFound: 'Tjek, at du har åbnet hele linket fra mailen, eller bed om et nyt.',
    failedTitle: 'Vi kunne ikke tjekke dit nulstillingslink',
    requestNew: 'Bed om et nyt link',
  },
  memberships: {
    title: 'Dine roller',
    signedInAs: 'Du er logget ind som {{name}} ({{email}}).',
    roles: '{{organization}}: {{roles}}',
  },
  admin: {
    title: 'Administrationsportal',
    emptyDescription: 'Her kommer du til at administrere organisationer, medarbejdere og rettigheder.',
  },
  workshop: {
    title: 'Værkstedsportal',
    emptyDescription: 'Her kommer du til at se bilerne i din varetægt, bookinger og beskeder fra førerne.',
  },
  app: {
    title: 'Førerapp',
    emptyDescription: 'Her kommer du til at se dine biler, dem du deler dem med, og dine ture.',
  },
  notFound: {
    title: 'Siden blev ikke fundet',
    description: 'Der er ingen side på denne adresse. Tjek linket, eller start forfra fra forsiden.',
    homeLink: 'Gå til forsiden',
  },
};
