// The signed-in user, read once per request: the worklist's layout and page both need it.
import "server-only";
import { cache } from "react";
import { currentSession } from "./current-user";

export const cachedSession = cache(currentSession);
