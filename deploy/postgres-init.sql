-- One database per service (docker compose).
create database identity;
create database dossier;
create database notification;
