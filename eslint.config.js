// typescript-eslint's recommended rules, with type information (`npm run lint`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "src/graphql/generated/**",
      "src/persistence/generated/**",
      "examples/generated/**",
      "test/generated/**",
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "scratch/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.js"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Apollo's and Fastify's hooks are async by their interfaces even when a body has nothing to await.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Small functions in the gateway and its tools; a test file's describe block is one long function.
    files: ["src/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests read JSON answers and vitest's asymmetric matchers (expect.any) are typed any: the unsafe-any
    // rules guard module boundaries, which tests are not.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
