-- The demo merchant's own orders, as a merchant application keeps them: the PSP's transaction id,
-- the customer's name, amount, time and outcome. Never card data: no number, no token, no expiry.
-- Portable types only (H2 and PostgreSQL); times are epoch milliseconds.
create table demo_orders (
    id              varchar(36)   primary key,
    transaction_id  varchar(64),
    customer_name   varchar(100),
    amount          bigint        not null,
    currency        varchar(3)    not null,
    status          varchar(16)   not null,
    reason          varchar(40),
    created_at      bigint        not null
);
create index demo_orders_created on demo_orders (created_at);
