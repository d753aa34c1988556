-- One Idempotency-Key mechanism for tokens and forwards, replacing idempotency_keys and
-- forward_replays. result: the token id (tokens) or the encrypted, masked response (forwards);
-- subject: the token a record is about, so that deleting the token purges its records.
create table idempotency_records (
    tenant_id       varchar(36)     not null,
    scope           varchar(16)     not null,
    idem_key        varchar(255)    not null,
    request_digest  varchar(64)     not null,
    state           varchar(16)     not null,
    result          varchar(1000000),
    subject         varchar(36),
    created_at      bigint          not null,
    primary key (tenant_id, scope, idem_key)
);
create index idempotency_records_created on idempotency_records (created_at);
create index idempotency_records_subject on idempotency_records (tenant_id, subject);

insert into idempotency_records (tenant_id, scope, idem_key, request_digest, state, result, subject, created_at)
    select tenant_id, scope, idem_key, request_digest, 'done', reference, reference, created_at
    from idempotency_keys;
insert into idempotency_records (tenant_id, scope, idem_key, request_digest, state, result, subject, created_at)
    select tenant_id, 'forward', idem_key, request_digest, state, response, null, created_at
    from forward_replays;

drop table idempotency_keys;
drop table forward_replays;
