import type { ReactNode } from "react";
import { SignedInLayout } from "../_shared/signed-in-layout";

export const dynamic = "force-dynamic";

export default function WorklistLayout({ children }: { children: ReactNode }) {
  return <SignedInLayout>{children}</SignedInLayout>;
}
