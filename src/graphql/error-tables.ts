/**
 * The error tables of docs/errors.md, rendered from the SDL (schema/errors.graphql) with graphql's
 * own parser: every value of ErrorCode (with the result type that carries it), RequestErrorCode,
 * AuthFailureReason and InputRule, each with its description. `npm run docs:errors` writes them.
 */
import { buildASTSchema, parse, type GraphQLEnumType, type GraphQLSchema } from "graphql";
import { loadTypeDefs } from "./schema.js";
import { ERROR_RESULT_TYPES } from "./errors.js";

/** Markdown table cells hold no pipes or line breaks. */
const cell = (text: string): string => text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");

/** The SDL alone, without resolvers: enough to read types and descriptions. */
export const sdlSchema = (): GraphQLSchema => buildASTSchema(parse(loadTypeDefs().join("\n")));

function enumOf(schema: GraphQLSchema, name: string): GraphQLEnumType {
  const type = schema.getType(name);
  if (type == null || !("getValues" in type)) throw new Error(`schema/ has no enum ${name}`);
  return type;
}

function table(schema: GraphQLSchema, name: string, headers: readonly string[], extra: (value: string) => readonly string[] = () => []): string {
  const type = enumOf(schema, name);
  const rows = type.getValues().map((v) => `| \`${v.name}\` | ${[...extra(v.name), cell(v.description ?? "")].join(" | ")} |`);
  return [`### ${name}`, "", cell(type.description ?? ""), "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows].join("\n");
}

const carriedBy = (code: string): readonly string[] => {
  const typename = (ERROR_RESULT_TYPES as Record<string, string | null>)[code];
  if (typename === undefined) throw new Error(`ERROR_RESULT_TYPES has no entry for ${code}`);
  return [typename == null ? "`Message.error` only" : `\`${typename}\``];
};

/** What goes between the error-tables markers of docs/errors.md. */
export function errorTables(schema = sdlSchema()): string {
  return `${[
    table(schema, "ErrorCode", ["code", "result type", "meaning"], carriedBy),
    table(schema, "RequestErrorCode", ["code", "meaning"]),
    table(schema, "AuthFailureReason", ["reason", "meaning"]),
    table(schema, "InputRule", ["rule", "meaning"]),
  ].join("\n\n")}\n`;
}
