import type { NextConfig } from "next";

const API_CSP = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" };

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and data files; bundling it breaks their relative loads.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "nodemailer"],
  poweredByHeader: false,
  // The build type-checks the app only: tests, e2e, bench and tools need the devDependencies, which
  // an install to run the app (`npm ci --omit=dev`) leaves out. `npm run typecheck` checks them all.
  typescript: { tsconfigPath: "tsconfig.app.json" },
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
      // The JSON routes, which proxy.ts leaves out: nothing in a JSON (or event-stream, xlsx) answer may
      // load or run anything, so no nonce is needed. An HTML 404 under these prefixes gets it too.
      { source: "/:prefix(auth|fhir|report|operation|settings)/:path*", headers: [API_CSP] },
      { source: "/api/:path((?!docs$).*)", headers: [API_CSP] },
    ];
  },
  // Parallel builds (e.g. several e2e runs on one machine) each need their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
