/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or to the embedded
 * database) and exits. The gateway does the same at start-up; this is for deploy pipelines that
 * migrate once before starting several gateway processes.
 */
import { ConfigError, loadConfig } from "../config/config.js";
import { openDatabase } from "./database.js";

try {
  const { database: config } = loadConfig();
  const database = await openDatabase(config);
  const applied = database.appliedMigrations;
  await database.close();
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "The database is up to date.");
} catch (error) {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof Error ? error.message : String(error);
  console.error(message);
  process.exit(1);
}
