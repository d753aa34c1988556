-- previews of forwards are audited too; nothing was sent for them
alter table forward_audit add column preview boolean default false not null;
