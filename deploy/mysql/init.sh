#!/bin/bash
# deploy/mysql/init.sh - run once by the mysql:8.4 image when it initialises an empty data directory
# (deploy/docker-compose.yml mounts it into /docker-entrypoint-initdb.d). Creates the services' schemas
# (passport_db, user_db, article_db, moments_db) and grants the application user ($MYSQL_USER, created by the
# image) all rights on them, and on nothing else. The services would also create their schema through their JDBC URL; this keeps the
# application user away from global privileges.
# A data directory initialised before a schema was added here does not run this again: create and
# grant the new schema by hand (its two lines below) or start from an empty volume.
# Reads: MYSQL_ROOT_PASSWORD, MYSQL_USER (both set by docker-compose.yml).
set -euo pipefail
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS passport_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS user_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS article_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS moments_db CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
GRANT ALL PRIVILEGES ON passport_db.* TO '${MYSQL_USER}'@'%';
GRANT ALL PRIVILEGES ON user_db.* TO '${MYSQL_USER}'@'%';
GRANT ALL PRIVILEGES ON article_db.* TO '${MYSQL_USER}'@'%';
GRANT ALL PRIVILEGES ON moments_db.* TO '${MYSQL_USER}'@'%';
FLUSH PRIVILEGES;
SQL
