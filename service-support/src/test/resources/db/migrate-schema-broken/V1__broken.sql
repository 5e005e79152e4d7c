create table half (id integer primary key);
this is not sql;
