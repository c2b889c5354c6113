-- Search ignores accents both ways: "osterbro" finds "Østerbro", "østerbro" finds "Osterbro",
-- "dupre" finds "Dupré". unaccent's rules fold letters that do not decompose under NFD too
-- (Ø→O, Æ→AE, ß→ss). A contrib extension, available on every managed PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
--> statement-breakpoint
-- unaccent() is STABLE (its dictionary could be edited), so an index cannot use it; 0017 builds
-- deals_org_search_idx on this wrapper. Naming the dictionary schema-qualified fixes what it reads;
-- IMMUTABLE is our promise not to change the rules under a built index (reindex if they change).
CREATE FUNCTION "search_fold"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1));
