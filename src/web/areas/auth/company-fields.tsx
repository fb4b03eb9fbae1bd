import { Fieldset, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyDetails } from '../../api/accounts.ts';
import { countryOptions } from '../../components/countries.ts';
import type { FieldErrors } from '../../components/problem-messages.ts';
import { currentLanguage } from '../../i18n/index.ts';

export const EMPTY_COMPANY: CompanyDetails = { name: '', registrationNumber: '', address: '', country: '' };

/** The company fields a business account's user must fill in (SPEC §4), checked before sending. */
export function companyErrors(company: CompanyDetails, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!company.name.trim()) errors['company.name'] = t('company.nameRequired');
  if (!company.registrationNumber.trim())
    errors['company.registrationNumber'] = t('company.registrationNumberRequired');
  if (!company.address.trim()) errors['company.address'] = t('company.addressRequired');
  if (!/^[A-Z]{2}$/.test(company.country)) errors['company.country'] = t('company.countryRequired');
  return errors;
}

/**
 * The errors left once the company details changed: a field's error goes as soon as that field
 * is edited, the others stay until the next attempt.
 */
export function clearChangedCompanyErrors(
  errors: FieldErrors,
  before: CompanyDetails,
  after: CompanyDetails,
): FieldErrors {
  const changed = (Object.keys(after) as (keyof CompanyDetails)[]).filter(
    (key) => before[key] !== after[key],
  );
  const remaining = { ...errors };
  for (const key of changed) delete remaining[`company.${key}`];
  if (changed.length > 0) delete remaining.company;
  return remaining;
}

/** The details trimmed, as the server stores them. */
export function trimmedCompany(company: CompanyDetails): CompanyDetails {
  return {
    name: company.name.trim(),
    registrationNumber: company.registrationNumber.trim(),
    address: company.address.trim(),
    country: company.country,
  };
}

interface CompanyFieldsProps {
  value: CompanyDetails;
  onChange: (company: CompanyDetails) => void;
  errors: FieldErrors;
}

/** Legal name, registration or VAT number, address and country of a business account's company. */
export function CompanyFields({ value, onChange, errors }: CompanyFieldsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const set = (field: keyof CompanyDetails) => (text: string) => onChange({ ...value, [field]: text });
  return (
    <Fieldset
      legend={t('company.legend')}
      variant="unstyled"
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 8 } }}
    >
      <Stack gap="md">
        <TextInput
          label={t('company.name')}
          autoComplete="organization"
          required
          withAsterisk={false}
          value={value.name}
          onChange={(event) => set('name')(event.currentTarget.value)}
          error={errors['company.name']}
          errorProps={{ role: 'alert' }}
        />
        <TextInput
          label={t('company.registrationNumber')}
          description={t('company.registrationNumberHint')}
          autoComplete="off"
          required
          withAsterisk={false}
          value={value.registrationNumber}
          onChange={(event) => set('registrationNumber')(event.currentTarget.value)}
          error={errors['company.registrationNumber']}
          errorProps={{ role: 'alert' }}
        />
        <Textarea
          label={t('company.address')}
          autoComplete="street-address"
          autosize
          minRows={2}
          required
          withAsterisk={false}
          value={value.address}
          onChange={(event) => set('address')(event.currentTarget.value)}
          error={errors['company.address']}
          errorProps={{ role: 'alert' }}
        />
        <NativeSelect
          label={t('company.country')}
          autoComplete="country"
          required
          withAsterisk={false}
          data={[{ value: '', label: t('company.countryPlaceholder'), disabled: true }, ...countries]}
          value={value.country}
          onChange={(event) => set('country')(event.currentTarget.value)}
          error={errors['company.country']}
          errorProps={{ role: 'alert' }}
        />
      </Stack>
    </Fieldset>
  );
}
