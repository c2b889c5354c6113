-- Trigram search over deal titles and contact names (available on every managed PostgreSQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
