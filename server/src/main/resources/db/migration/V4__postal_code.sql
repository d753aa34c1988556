-- Optional postal code of a token (for address verification at the PSP): not card data, never logged.
alter table tokens add column postal_code varchar(10);
