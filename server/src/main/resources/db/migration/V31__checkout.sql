-- Checkout sessions, their callback outbox, every delivery attempt, and the lease that lets one
-- node at a time deliver. Portable types only (H2 and PostgreSQL); times are epoch milliseconds.

-- the HMAC key that signs a tenant's callbacks (shown once, when issued with a key pair)
create table tenant_callback_secrets (
    tenant_id   varchar(36)   primary key,
    secret      varchar(100)  not null,
    created_at  bigint        not null
);

create table checkout_sessions (
    id                 varchar(40)   primary key,
    tenant_id          varchar(36)   not null,
    amount             bigint        not null,
    currency           varchar(3)    not null,
    description        varchar(200),
    reference          varchar(200),
    success_url        varchar(2000) not null,
    cancel_url         varchar(2000) not null,
    callback_url       varchar(2000),
    status             varchar(16)   not null,
    token_id           varchar(36),
    card_brand         varchar(16),
    card_last4         varchar(4),
    card_expiry_month  integer,
    card_expiry_year   integer,
    created_at         bigint        not null,
    expires_at         bigint        not null,
    completed_at       bigint
);
create index checkout_sessions_tenant on checkout_sessions (tenant_id, created_at);

-- the outbox: one row per event, written in the transaction that completes the session
create table checkout_events (
    id               varchar(36)   primary key,
    session_id       varchar(40)   not null,
    tenant_id        varchar(36)   not null,
    seq              integer       not null,
    type             varchar(64)   not null,
    payload          varchar(8000) not null,
    callback_url     varchar(2000) not null,
    state            varchar(16)   not null,
    attempts         integer       not null,
    next_attempt_at  bigint        not null,
    give_up_at       bigint        not null,
    created_at       bigint        not null,
    delivered_at     bigint,
    unique (session_id, seq)
);
create index checkout_events_due on checkout_events (state, next_attempt_at);

-- every delivery attempt: when, the answer's status (null: no answer), how long; never the body
create table checkout_deliveries (
    id            varchar(36)   primary key,
    event_id      varchar(36)   not null,
    session_id    varchar(40)   not null,
    attempt       integer       not null,
    attempted_at  bigint        not null,
    status        integer,
    duration_ms   bigint        not null,
    error         varchar(64)
);
create index checkout_deliveries_session on checkout_deliveries (session_id, attempted_at);

-- one row per background job; the node whose lease has not expired does the work
create table checkout_leases (
    name        varchar(64)   primary key,
    holder      varchar(64)   not null,
    expires_at  bigint        not null
);
