import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native drivers and the Prisma runtime stay plain Node modules, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
  ],
  poweredByHeader: false,
  typedRoutes: true,
  // `npm test` and `npm run typecheck` run tsc over the whole project; `npm start` need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` on admin pages: a real 403 status with app/forbidden.tsx (experimental in Next 16).
  experimental: { authInterrupts: true },
};

export default nextConfig;
