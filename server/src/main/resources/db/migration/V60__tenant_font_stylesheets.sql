-- Web-font stylesheets a tenant registered for its hosted fields (a JSON array of URLs). The
-- field page's CSP style-src and font-src are built from this list and from nothing else.
alter table tenants add column font_stylesheets varchar(8000) default '[]' not null;
