import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and data files; bundling it breaks their relative loads.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "nodemailer"],
  poweredByHeader: false,
  // Parallel builds (e.g. several e2e runs on one machine) each need their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
