// One lint configuration for the whole repository; `npm run check` runs it with the typecheck.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Node's modules that reach outside the process: files, processes, the network. */
const NODE_IO = [
  "fs",
  "fs/promises",
  "child_process",
  "net",
  "http",
  "https",
  "http2",
  "dgram",
  "dns",
  "dns/promises",
  "tls",
  "cluster",
  "worker_threads",
  "readline",
  "sqlite",
];
const nodeIoPaths = NODE_IO.flatMap((name) => [`node:${name}`, name]).map((name) => ({
  name,
  message: "core is pure: I/O belongs to db, importer or server.",
}));
/** A relative path into another workspace (`../../db/src/…`, `../../../apps/server/…`): a package import in disguise. */
const OTHER_WORKSPACE_PATHS = [
  "**/apps/**",
  "**/packages/**",
  ...["core", "contract", "db", "importer", "server", "cli", "web"].map((name) => `**/${name}/src/**`),
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "coverage/**", "**/*.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Type-aware rules: each file is checked with the tsconfig that includes it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // A promise is awaited, returned, or explicitly `void`ed; never passed where a callback's result is dropped.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "no-console": "off",
    },
  },
  {
    // Outside every tsconfig (the CLI's launcher, this file, Vite's config): no type information to lint with.
    files: ["**/*.js", "apps/web/vite.config.ts"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // Import boundaries (docs/ARCHITECTURE.md, "Layers"). Each block names what a layer may not import.
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: nodeIoPaths,
          patterns: [
            {
              group: ["@sainam/*", ...OTHER_WORKSPACE_PATHS.filter((p) => p !== "**/core/src/**")],
              message: "core depends on no other package of ours.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/contract/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // Relative imports within the package, zod and core: nothing else.
          patterns: [
            {
              regex: "^(?!(zod|@sainam/core)(/|$)|\\.{1,2}/)",
              message: "the contract may import zod and @sainam/core only.",
            },
            { group: OTHER_WORKSPACE_PATHS, message: "the contract may import zod and @sainam/core only." },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    // Tests do not ship: the catalogue's test reads the server's lists of codes to prove every one has words.
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@sainam/server",
                "@sainam/server/*",
                "@sainam/db",
                "@sainam/db/*",
                "@sainam/importer",
                "@sainam/importer/*",
              ],
              message: "the web app talks to the server over HTTP: import the contract or core instead.",
            },
            {
              group: [
                "**/apps/server/**",
                "**/server/src/**",
                "**/packages/db/**",
                "**/db/src/**",
                "**/packages/importer/**",
              ],
              message: "the web app talks to the server over HTTP: import the contract or core instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/server/src/**/*.routes.ts"],
    rules: {
      // The db package is its repositories (plus schema and connection, which a route has no use for either);
      // its types may still name what a service returns.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@sainam/db",
                "@sainam/db/*",
                "**/packages/db/**",
                "**/db/src/**",
                "**/*.repository",
                "**/*.repository.ts",
              ],
              allowTypeImports: true,
              message: "a route calls a service; queries live in the repositories the services call.",
            },
          ],
        },
      ],
    },
  },
);
