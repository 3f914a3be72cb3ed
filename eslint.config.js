// Lint: TypeScript-aware rules, the rules of React hooks, no import cycles and the one-way import
// direction routes -> components/models -> utils -> i18n. `npm run lint` runs this and Prettier.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Layers an app module may not import from, lowest layer first. */
export const layerRules = [
  {
    target: "./app/i18n",
    from: ["./app/utils", "./app/models", "./app/components", "./app/routes"],
    message: "i18n is the lowest layer: it imports nothing from the app.",
  },
  {
    target: "./app/utils",
    from: ["./app/models", "./app/components", "./app/routes"],
    message: "utils serve models and components: move the helper next to what it serves.",
  },
  {
    target: ["./app/models", "./app/components"],
    from: ["./app/routes"],
    message: "routes import models and components, never the other way round.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      "app/generated/",
      "data/",
      "backups/",
      "test-results/",
      "playwright-report/",
      ".cache/",
      // Deliberately broken code that the lint test feeds to ESLint itself.
      "tests/lint-fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "import-x": importX },
    settings: {
      // How import-x reads the modules it follows (TypeScript), and how it finds them ("~/" paths).
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true, project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-restricted-paths": ["error", { zones: layerRules }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // A test exercises what it tests from whichever layer it needs (a route's loader, the
    // models behind a database check): the import direction binds the app's own modules.
    files: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: { "import-x/no-restricted-paths": "off" },
  },
  {
    // Hooks exist only in the app's React code; elsewhere a "use…" name is just a name
    // (the tests' useTestServer() starts a server, it is no React hook).
    files: ["app/**/*.tsx", "app/**/use-*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
