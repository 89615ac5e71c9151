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

describe("selects: answers kept by field node", () => {
  const nodeSchema = buildSdl(`
    type Query { a: Node b: Node }
    type Node { history: History }
    type History { status: Int raw: Int }
  `);
  /** What `selects(["raw"])` says in Node.history's resolver under a and b, every time it runs. */
  async function rawAsked(document: ReturnType<typeof parse>): Promise<Record<string, boolean>> {
    const answers: Record<string, boolean> = {};
    const history = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      answers[info.path.prev!.key as string] = selects(info, ["raw"]);
      return null;
    };
    const node = { history };
    await execute({ schema: nodeSchema, document, rootValue: { a: node, b: node } });
    return answers;
  }
  it("a fragment's field alone and merged with another of the same name answer each for itself, request after request", async () => {
    // Under a, history is the fragment's node alone; under b, that node and b's own.
    const document = parse("{ a { ...F } b { ...F history { raw } } } fragment F on Node { history { status } }");
    for (let i = 0; i < 3; i++) expect(await rawAsked(document)).toEqual({ a: false, b: true });
    // The same fragment's text parsed again is another document, with its own nodes.
    const other = parse("{ a { ...F } b { ...F } } fragment F on Node { history { raw } }");
    expect(await rawAsked(other)).toEqual({ a: true, b: true });
    expect(await rawAsked(document)).toEqual({ a: false, b: true });
  });
});
