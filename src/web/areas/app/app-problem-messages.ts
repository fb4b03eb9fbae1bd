import type { TFunction } from 'i18next';
import { type ProblemWords, problemMessage } from '../../components/problem-messages.ts';
import type { AppT } from './use-app-texts.ts';

/** The driver app's words for every code its vehicle requests can answer. */
function appProblemWords(t: TFunction, at: AppT): ProblemWords {
  return {
    secondary_user_limit: at('problems.secondaryUserLimit'),
    already_invited: at('problems.alreadyInvited'),
    already_a_user: at('problems.alreadyAUser'),
    ask_the_primary: at('problems.askThePrimary'),
    forbidden: at('problems.onlyThePrimary'),
    not_found: at('problems.goneMeanwhile'),
    invitation_not_pending: at('problems.goneMeanwhile'),
    trip_already_assigned: at('problems.tripTaken'),
    validation_failed: t('validation.emailInvalid'),
  };
}

/** A sentence for a failed driver-app request, in the page's language. */
export function appProblemMessage(error: unknown, t: TFunction, at: AppT): string {
  return problemMessage(error, t, appProblemWords(t, at));
}
