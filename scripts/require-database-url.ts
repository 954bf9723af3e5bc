// Guards `npm run test:pg`: the PostgreSQL suite needs a server to create throwaway databases on.
import process from "node:process";

if (!process.env.DATABASE_URL?.startsWith("postgres")) {
  console.error(
    "test:pg needs DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres (a role that may CREATE DATABASE)",
  );
  process.exit(2);
}
