alter table probe add column name text;
