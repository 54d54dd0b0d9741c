// Where the acknowledgement links in messages point: APP_ORIGIN when set (the public origin behind a
// proxy that rewrites Host), else the origin the writer reached the app at.
import { requestOrigin } from "@/server/api/handler";

export function ackBaseUrl(req: Request): string {
  return process.env.APP_ORIGIN ? new URL(process.env.APP_ORIGIN).origin : requestOrigin(req);
}
