import { describe, expect, it } from "vitest";
import { buildSchema as buildSdl, execute, parse, type GraphQLResolveInfo } from "graphql";
import { selects } from "../src/graphql/lookahead.js";

const schema = buildSdl(`
  type Query { page: Page }
  type Page { edges: [Edge!]! total: Int }
  type Edge { node: Node! }
  type Node { id: ID! history: [Int!]! }
`);

/** What `selects` says for `path` in the resolver of Query.page, for this document. */
async function lookahead(document: string, path: readonly string[]): Promise<boolean> {
  let answer: boolean | undefined;
  await execute({
    schema,
    document: parse(document),
    rootValue: {
      page: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        answer = selects(info, path);
        return null;
      },
    },
  });
  if (answer === undefined) throw new Error("the resolver did not run");
  return answer;
}

describe("selects: whether an operation asks for a field below the resolver's", () => {
  const PATH = ["edges", "node", "history"];
  it("sees a field written out, under an alias, or through inline fragments and named fragments", async () => {
    expect(await lookahead("{ page { edges { node { history } } } }", PATH)).toBe(true);
    expect(await lookahead("{ page { e: edges { n: node { h: history } } } }", PATH)).toBe(true);
    expect(await lookahead("{ page { ... on Page { edges { ... { node { history } } } } } }", PATH)).toBe(true);
    expect(await lookahead("{ page { ...P } } fragment P on Page { edges { node { ...N } } } fragment N on Node { history }", PATH)).toBe(true);
  });
  it("is false when the field is not asked for, or only a sibling or a prefix is", async () => {
    expect(await lookahead("{ page { edges { node { id } } } }", PATH)).toBe(false);
    expect(await lookahead("{ page { total } }", PATH)).toBe(false);
    expect(await lookahead("{ page { edges { node { id } } } }", ["edges", "node"])).toBe(true);
    expect(await lookahead("{ page { ...P } } fragment P on Page { total }", PATH)).toBe(false);
  });
  it("merges the same field asked twice, and counts fields under @skip (reading more is harmless)", async () => {
    expect(await lookahead("{ page { edges { node { id } } edges { node { history } } } }", PATH)).toBe(true);
    expect(await lookahead("{ page { edges { node { history @skip(if: true) } } } }", PATH)).toBe(true);
  });
});
