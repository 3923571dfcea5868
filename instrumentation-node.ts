import { branding } from "@/lib/branding/config";
import { ConfigError, config } from "@/lib/config";
import { scopeCatalogue } from "@/lib/scopes/catalogue";

// Validates the configuration once at start, so a bad variable stops the server with a message naming it.
try {
  config();
  branding();
  scopeCatalogue();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
