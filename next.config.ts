import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and data files; bundling it breaks their relative loads.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "nodemailer"],
  poweredByHeader: false,
  // `next dev` serves its chunks to localhost only; a newcomer opening http://127.0.0.1:3000 would get a
  // page without JavaScript. Loopback addresses are the same machine.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
        ],
      },
    ];
  },
  // Parallel builds (e.g. several e2e runs on one machine) each need their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
