import type { TFunction } from 'i18next';
import type { AccountRole, AccountType, AccountUsage } from '../../api/customers.ts';
import { formatRate } from '../../components/rates.ts';
import type { Language } from '../../i18n/index.ts';

/** An account's name, or a stand-in while an invited client has not activated (it is named then). */
export function accountName(name: string, t: TFunction): string {
  return name.trim() === '' ? t('accounts.unnamed') : name;
}

export function accountRoleLabel(role: AccountRole, t: TFunction): string {
  return t(`accountRoles.${role}`);
}

export function accountTypeLabel(type: AccountType, t: TFunction): string {
  return t(`accountTypes.${type}`);
}

export function usageLabel(usage: AccountUsage | null, t: TFunction): string {
  return usage ? t(`usages.${usage}`) : t('accounts.mainAccount');
}

/** A rate in EUR per kWh for a list or a details line; "no rate" when none was agreed. */
export function rateLabel(rate: string | null, language: Language, t: TFunction): string {
  return rate === null ? t('rates.none') : t('rates.perKwh', { amount: formatRate(rate, language) });
}
