// Structured JSON logs (pino) on stdout: one line per failure, refusal or slow request (every request
// at LOG_LEVEL=debug), carrying the request
// id that the response also returns (x-request-id header, error.request_id).
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "critical-callout" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: ["req.headers.cookie", "password"],
});
