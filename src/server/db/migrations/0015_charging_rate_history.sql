-- Charging reimbursement reads rates from their history (reimbursement_rates). Rates agreed
-- before the history existed are taken to have been in force since the sub-account or the
-- membership was created.
INSERT INTO reimbursement_rates (account_id, user_id, rate_eur, effective_from, created_at)
SELECT id, NULL, reimbursement_rate_eur, created_at, now()
FROM accounts
WHERE reimbursement_rate_eur IS NOT NULL;
--> statement-breakpoint
INSERT INTO reimbursement_rates (account_id, user_id, rate_eur, effective_from, created_at)
SELECT account_id, user_id, reimbursement_rate_eur, created_at, now()
FROM account_memberships
WHERE reimbursement_rate_eur IS NOT NULL;
