import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app is served from the binary: no remote origin, no CDN, relative paths.
export default defineConfig({
  plugins: [svelte()],
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    // The component tests call the real core through its test server.
    globalSetup: ["src/test/server.ts"],
    testTimeout: 20_000,
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
