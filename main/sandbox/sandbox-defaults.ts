/**
 * The bearer token every built-in sandbox simulator accepts unless told otherwise.
 *
 * It is deliberately public: the sandbox only listens on loopback and holds demo data, and a
 * fixed value lets an admin try the CLI by hand (`BATCHLINE_TOKEN=sandbox-token`).
 */
export const SANDBOX_TOKEN = 'sandbox-token';

/** Demo users the app's Sandbox connection starts with, so lists and exports show something. */
export const SANDBOX_SEED_USERS = 40;

/** Requests per second the app's Sandbox allows per token before answering 429. */
export const SANDBOX_REQUESTS_PER_SECOND = 20;
