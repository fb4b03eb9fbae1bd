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
  login: {
    title: 'Log ind',
    emptyTitle: 'Log ind kommer snart',
    emptyDescription: 'Snart kan du logge ind her med din e-mailadresse.',
  },
  activate: {
    title: 'Aktivér din invitation',
    checkingTitle: 'Vi tjekker dit invitationslink',
    checkingDescription: 'Vent et øjeblik, mens vi tjekker, at dit link er gyldigt.',
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
