-- The wrapped data key moves into its token's row (issue 12). A tokenization then writes one row
-- and one random-key index entry (tokens.id) instead of two of each, and a forward reads one row
-- instead of two. Deleting a token nulls the key in the row: crypto-shredding as before.
alter table tokens add column kek_id bigint;
alter table tokens add column wrapped_key varchar(400);
update tokens
   set kek_id = (select k.kek_id from token_keys k where k.token_id = tokens.id and k.tenant_id = tokens.tenant_id),
       wrapped_key = (select k.wrapped from token_keys k where k.token_id = tokens.id and k.tenant_id = tokens.tenant_id);
drop table token_keys;
-- re-encryption and the key status look tokens up by key; new tokens all take the primary key's id,
-- so this index is written at its end, not at a random leaf
create index tokens_kek on tokens (kek_id);
