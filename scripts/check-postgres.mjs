#!/usr/bin/env node
// The tests run every model, loader and HTTP test on PostgreSQL too, on a throwaway cluster they
// start themselves. Fail loudly (never skip) when PostgreSQL is missing, and say how to install it.
import { INSTALL_POSTGRES, findPostgresBin } from "./lib/pg-cluster.mjs";

if (!findPostgresBin()) {
  console.error(
    "The PostgreSQL tests need PostgreSQL 15 or later (initdb and pg_ctl in /usr/lib/postgresql/<version>/bin),\n" +
      "and it is not there. Install it with:  " +
      INSTALL_POSTGRES +
      "\n(or set POSTGRES_BIN to the folder holding initdb and pg_ctl). The PostgreSQL tests are not skipped.",
  );
  process.exit(1);
}
