-- One script for H2 and PostgreSQL: portable types only. Times are epoch milliseconds (UTC).
create table tenants (
    id                   varchar(36)   primary key,
    name                 varchar(200)  not null,
    allowed_origins      varchar(20000) not null,
    allowed_destinations varchar(20000) not null,
    created_at           bigint        not null
);

create table api_keys (
    prefix      varchar(16)  primary key,
    tenant_id   varchar(36)  not null references tenants (id),
    kind        varchar(16)  not null,
    key_hash    varchar(64)  not null,
    created_at  bigint       not null,
    revoked_at  bigint
);
create index api_keys_tenant on api_keys (tenant_id);

-- ciphertext: base64 Tink AEAD output, bound to (tenant_id, id); null once crypto-shredded
create table tokens (
    id            varchar(36)   primary key,
    tenant_id     varchar(36)   not null,
    brand         varchar(16)   not null,
    bin           varchar(8)    not null,
    last4         varchar(4)    not null,
    expiry_month  integer       not null,
    expiry_year   integer       not null,
    fingerprint   varchar(64)   not null,
    ciphertext    varchar(4000),
    created_at    bigint        not null,
    deleted_at    bigint
);
create index tokens_tenant on tokens (tenant_id);

create table idempotency_keys (
    tenant_id       varchar(36)   not null,
    scope           varchar(16)   not null,
    idem_key        varchar(255)  not null,
    request_digest  varchar(64)   not null,
    reference       varchar(36000) not null,
    created_at      bigint        not null,
    primary key (tenant_id, scope, idem_key)
);

-- wrapped key material: the Tink keyset and the fingerprint root, encrypted by the master key
create table crypto_keys (
    name        varchar(50)   primary key,
    material    varchar(8000) not null,
    created_at  bigint        not null
);

-- one row per forward; never bodies, query strings or header values
create table forward_audit (
    id              varchar(36)   primary key,
    tenant_id       varchar(36)   not null,
    token_id        varchar(36),
    method          varchar(10)   not null,
    destination_host varchar(255),
    destination_path varchar(2000),
    status          integer       not null,
    duration_ms     bigint        not null,
    error_code      varchar(64),
    created_at      bigint        not null
);
create index forward_audit_tenant on forward_audit (tenant_id, created_at);
