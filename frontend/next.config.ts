import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The end-to-end suite builds against its own backend port into its own folder, so it never
  // clobbers the build `make dev` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  cacheComponents: true,
  partialPrefetching: true,
  turbopack: {
    rules: {
      "*.css": {
        loaders: ["@tailwindcss/turbopack"],
        as: "*.css",
      },
    },
  },
};

export default nextConfig;
