-- An account made by an administrator starts with a temporary password that its owner must
-- change at first sign-in, so the administrator never knows the password in use.
alter table users add column password_must_change boolean not null default false;
