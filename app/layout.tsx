import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Critical Callout", template: "%s · Critical Callout" },
  description: "Call out critical laboratory results and keep the record accreditation inspects.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-ink antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
