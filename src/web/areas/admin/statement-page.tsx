import { useParams } from '@tanstack/react-router';
import { fetchAccountStatement, statementsKey } from '../../api/charging.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { DecisionPanel } from '../charging/decision-panel.tsx';
import { StatementPageContent } from '../charging/statement-page-content.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { hasPermission } from '../permissions.ts';
import { RequirePermission } from '../require-permission.tsx';

/**
 * One statement as operator staff see it, with the sessions behind it; operator finance
 * approves or rejects a subsidiary's statement awaiting approval here.
 */
export function AdminStatementPage() {
  const ct = useChargingTexts();
  const me = useAreaMe();
  const { accountId, statementId } = useParams({
    from: '/admin/accounts/$accountId/statements/$statementId',
  });
  const detailKey = statementsKey(`admin:detail:${statementId}`);
  const back = hasPermission(me, 'statement.export') ? (
    <AnchorLink to="/admin/statements" underline="always" style={{ alignSelf: 'flex-start' }}>
      {ct('statement.backToStatements')}
    </AnchorLink>
  ) : (
    <AnchorLink
      to="/admin/accounts/$accountId"
      params={{ accountId }}
      underline="always"
      style={{ alignSelf: 'flex-start' }}
    >
      {ct('statement.backToAccount')}
    </AnchorLink>
  );
  return (
    <RequirePermission permission="statement.read" title={ct('statement.title')}>
      <StatementPageContent
        detailKey={detailKey}
        fetchStatement={() => fetchAccountStatement(accountId, statementId)}
        back={back}
        decision={(statement) => (
          <DecisionPanel
            statement={statement}
            accountId={accountId}
            detailKey={detailKey}
            canDecide={hasPermission(me, 'statement.approve')}
          />
        )}
      />
    </RequirePermission>
  );
}
