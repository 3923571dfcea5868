#!/usr/bin/env node
// Renders every page (light, dark, right-to-left) against a real Hydra into docs/screenshots/.
// Needs what `npm test` needs: .bin/hydra and a production build (NEXT_DIST_DIR honoured).
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

mkdirSync("docs/screenshots", { recursive: true });
const result = spawnSync("npx", ["playwright", "test", "e2e/ui/screenshots.spec.ts", "--workers=1"], {
  stdio: "inherit",
  env: { ...process.env, SCREENSHOTS: "1" },
});
process.exit(result.status ?? 1);
