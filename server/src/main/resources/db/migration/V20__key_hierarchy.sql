-- One key hierarchy (docs/security.md): master key (outside the database) -> key-encryption keys
-- (KEKs: the Tink AEAD keyset in crypto_keys) -> one data key (DEK) per token, stored here wrapped
-- by a KEK and bound to (tenant_id, token_id). Deleting a token deletes its row: crypto-shredding.
create table token_keys (
    token_id    varchar(36)   primary key,
    tenant_id   varchar(36)   not null,
    kek_id      bigint        not null,
    wrapped     varchar(400)  not null,
    created_at  bigint        not null
);
create index token_keys_kek on token_keys (kek_id);

-- When each KEK was created (the keyset itself holds no dates).
create table key_versions (
    kek_id      bigint        primary key,
    created_at  bigint        not null
);

-- Background work that must run on one node: one row per job, its lease names the node running it.
create table key_jobs (
    name          varchar(32)  primary key,
    state         varchar(16)  not null,
    target_kek_id bigint,
    total         bigint       not null,
    done          bigint       not null,
    lease_owner   varchar(64),
    lease_until   bigint       not null,
    started_at    bigint       not null,
    finished_at   bigint
);

-- The card-guessing limit counts a tenant's tokenizations per BIN + last 4 in the last hour.
create index tokens_card_window on tokens (tenant_id, bin, last4, created_at);
insert into key_jobs (name, state, total, done, lease_until, started_at) values ('reencryption', 'idle', 0, 0, 0, 0);
insert into key_jobs (name, state, total, done, lease_until, started_at) values ('shred', 'idle', 0, 0, 0, 0);
