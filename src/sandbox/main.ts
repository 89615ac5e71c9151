/** Runs the Connectly sandbox on its own: `npm run sandbox` (SANDBOX_PORT, SANDBOX_API_KEY, SANDBOX_RATE_LIMIT). */
import { startSandbox } from "./sandbox.js";

const port = Number(process.env.SANDBOX_PORT ?? 4010); // 0: any free port
const rate = Number(process.env.SANDBOX_RATE_LIMIT ?? 200);
const sandbox = await startSandbox({ port, rateLimitPerSecond: rate, ...(process.env.SANDBOX_API_KEY ? { apiKey: process.env.SANDBOX_API_KEY } : {}) });
console.log(`Connectly SANDBOX (not Connectly) listening at ${sandbox.url}, ${rate} requests/s per key.`);
console.log(`Use CONNECTLY_BASE_URL=${sandbox.url} with the sandbox's API key${process.env.SANDBOX_API_KEY ? " (SANDBOX_API_KEY)" : `: ${sandbox.apiKey}`}.`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
