-- Idempotent forwards: the first response (status, headers, masked body) encrypted, kept 24 h.
create table forward_replays (
    tenant_id       varchar(36)     not null,
    idem_key        varchar(255)    not null,
    request_digest  varchar(64)     not null,
    state           varchar(16)     not null,
    response        varchar(1000000),
    created_at      bigint          not null,
    primary key (tenant_id, idem_key)
);
