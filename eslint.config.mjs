// ESLint flat config: Next.js's rules (core web vitals, React hooks) plus typescript-eslint's
// type-aware rules where they catch real bugs — promises nobody awaits or that are passed where a
// void callback is expected, and switches that forget a case. Formatting is Prettier's job.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "tests/.artifacts/**",
    "next-env.d.ts",
  ]),
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The gateway's core is pure (lib/gateway/README.md); lib/gateway/core/core-purity.test.ts
    // also follows relative and transitive imports.
    files: ["lib/gateway/core/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^@/(app/|lib/(db|auth|api-keys|rate-limits|request-log|credentials|users|sessions|config|server|ui-api|observability)(/|$)|lib/env$|lib/gateway/(?!core/))",
              message: "lib/gateway/core is pure: no database, auth, limits, log, config or gateway I/O imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // No React outside the UI: Playwright fixtures call `use(...)` and test helpers may be named
    // `useSomething` without being hooks.
    files: ["tests/**", "bench/**", "scripts/**", "cli/**", "lib/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
