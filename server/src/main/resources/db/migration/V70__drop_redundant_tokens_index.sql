-- tokens_tenant (tenant_id) is a prefix of tokens_card_window (tenant_id, bin, last4, created_at),
-- and no query looks tokens up by tenant alone: one B-tree write less per tokenization.
drop index if exists tokens_tenant;
