-- the publishable key that cardvault's own hosted page uses for a tenant's fields (public anyway:
-- it appears in the page); one per tenant, replaced if an operator revokes it
create table checkout_page_keys (
    tenant_id        varchar(36)  primary key,
    publishable_key  varchar(64)  not null,
    created_at       bigint       not null
);
