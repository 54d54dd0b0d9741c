// Any path under /settings/ that no route serves: 404 in the error envelope, not Next's HTML page.
import { unknownPath } from "@/server/api/methods";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath();
