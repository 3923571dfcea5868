#!/bin/sh
# Runs once, when the postgres container initialises an empty data folder
# (/docker-entrypoint-initdb.d). One role and one database each for Hydra and for the
# provider's accounts: neither can read the other's tables, and each password can be
# rotated on its own. psql's :'var' quotes the passwords, so any character is safe here
# (the DSNs in docker-compose.yml still need URL-safe ones).
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v hydra_password="$HYDRA_DB_PASSWORD" \
  -v provider_password="$PROVIDER_DB_PASSWORD" <<'SQL'
CREATE ROLE hydra LOGIN PASSWORD :'hydra_password';
CREATE DATABASE hydra OWNER hydra;
REVOKE ALL ON DATABASE hydra FROM PUBLIC;
CREATE ROLE provider LOGIN PASSWORD :'provider_password';
CREATE DATABASE provider OWNER provider;
REVOKE ALL ON DATABASE provider FROM PUBLIC;
SQL
