import type { Me } from "@/contracts/auth";
import type { SessionContext } from "@/domain/auth/session-context";

export function toMe(s: SessionContext): Me {
  return {
    user: {
      id: s.userId,
      username: s.username,
      displayName: s.displayName,
      kind: s.kind,
      labId: s.labId,
      labName: s.labName,
      docType: s.docType,
    },
  };
}
