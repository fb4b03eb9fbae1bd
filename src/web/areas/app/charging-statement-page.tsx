import { useParams } from '@tanstack/react-router';
import { fetchAccountStatement, fetchMyStatement, statementsKey } from '../../api/charging.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { DecisionPanel } from '../charging/decision-panel.tsx';
import { StatementPageContent } from '../charging/statement-page-content.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { ownedAccountIds } from './use-owned-accounts.ts';

function BackToCharging() {
  const ct = useChargingTexts();
  return (
    <AnchorLink to="/app/charging" underline="always" style={{ alignSelf: 'flex-start' }}>
      {ct('statement.back')}
    </AnchorLink>
  );
}

/**
 * A statement of the owner's account or one of its sub-accounts: its facts and sessions and, for
 * a subsidiary's statement awaiting approval, Approve and Reject for the parent account's owners.
 */
export function AccountStatementPage() {
  const me = useAreaMe();
  const { accountId, statementId } = useParams({
    from: '/app/charging/accounts/$accountId/statements/$statementId',
  });
  const detailKey = statementsKey(`account:${accountId}:detail:${statementId}`);
  const ownedIds = ownedAccountIds(me);
  return (
    <StatementPageContent
      detailKey={detailKey}
      fetchStatement={() => fetchAccountStatement(accountId, statementId)}
      back={<BackToCharging />}
      decision={(statement) => (
        <DecisionPanel
          statement={statement}
          accountId={accountId}
          detailKey={detailKey}
          // The server decides too: the parent account's owners, never the subsidiary's own.
          canDecide={statement.parentAccountId !== null && ownedIds.includes(statement.parentAccountId)}
        />
      )}
    />
  );
}

/** One of the person's own statements, with the sessions behind it. */
export function MyStatementPage() {
  const { statementId } = useParams({ from: '/app/charging/statements/$statementId' });
  return (
    <StatementPageContent
      detailKey={statementsKey(`me:detail:${statementId}`)}
      fetchStatement={() => fetchMyStatement(statementId)}
      back={<BackToCharging />}
    />
  );
}
