-- First start of the compose PostgreSQL (docker-entrypoint-initdb.d): one database per service,
-- as `alphaquant up` lays them out; POSTGRES_DB makes alphaquant_data. Each service's Flyway
-- migrations create its tables when it starts.
CREATE DATABASE alphaquant_model;
CREATE DATABASE alphaquant_backtest;
CREATE DATABASE alphaquant_strategy;
