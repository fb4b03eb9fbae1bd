export * from './accounts.ts';
export * from './audit.ts';
export * from './identity.ts';
export * from './invitations.ts';
export * from './mail.ts';
export * from './notifications.ts';
export * from './organizations.ts';
export * from './vehicles.ts';
