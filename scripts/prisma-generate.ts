/**
 * `prisma generate`, offline. Generation itself is WebAssembly, but the Prisma CLI insists on a
 * native schema-engine binary before it starts, and downloads one from outside the npm registry
 * when it is missing. When PRISMA_SCHEMA_ENGINE_BINARY is not set we point it at a stand-in that
 * refuses with an explanation; generate never runs it. Migrations go through
 * scripts/lib/schema-engine.ts (docs/decisions/0001-migrations-without-the-native-schema-engine.md).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "./lib/paths.ts";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, "scripts", "schema-engine-unavailable.sh");

const result = spawnSync(process.execPath, [cli, "generate"], { cwd: projectRoot, env, stdio: "inherit" });
process.exit(result.status ?? 1);
