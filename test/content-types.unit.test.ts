/**
 * The content-type table (src/domain/content-types.ts) against what cannot be derived from it: the
 * SDL's @oneOf MessageContentInput and MessageContent union, and the Prisma enum MessageContentType.
 * Adding a content type to one of them and not to the table (or the reverse) fails here.
 */
import { makeExecutableSchema } from "@graphql-tools/schema";
import { getNamedType, GraphQLInputObjectType, GraphQLObjectType, GraphQLUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { CONTENT_KEYS, CONTENT_TYPES, TEMPLATE_CONTENT } from "../src/domain/content-types.js";
import { loadTypeDefs } from "../src/graphql/schema.js";
import { MessageContentType } from "../src/persistence/generated/prisma/enums.js";

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
const input = schema.getType("MessageContentInput") as GraphQLInputObjectType;
const union = schema.getType("MessageContent") as GraphQLUnionType;
const entries = Object.entries(CONTENT_TYPES);
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("the content-type table", () => {
  it("has one entry per field of the SDL's MessageContentInput, which is @oneOf", () => {
    expect(input).toBeInstanceOf(GraphQLInputObjectType);
    expect(input.isOneOf).toBe(true);
    expect(sorted(CONTENT_KEYS)).toEqual(sorted(Object.keys(input.getFields())));
  });

  it("names each member of the SDL's MessageContent union once, with the template's", () => {
    expect(union).toBeInstanceOf(GraphQLUnionType);
    const typenames = [...entries.map(([, e]) => e.typename), TEMPLATE_CONTENT.typename];
    expect(new Set(typenames).size).toBe(typenames.length);
    expect(sorted(typenames)).toEqual(sorted(union.getTypes().map((t) => t.name)));
  });

  // The union resolves stored content (the input it was validated as) by its one set key, so the
  // member's field must carry the key's name and the output counterpart of the input's type.
  it.each(entries)("reads %s back through a member whose field is the input's, in output form", (key, { typename }) => {
    const member = schema.getType(typename) as GraphQLObjectType;
    expect(Object.keys(member.getFields())).toEqual([key]);
    const inputType = getNamedType(input.getFields()[key]!.type).name;
    const outputType = getNamedType(member.getFields()[key]!.type).name;
    expect(outputType).toBe(inputType.replace(/Input$/, ""));
  });

  it("stores each content type (and templates) as its own value of Prisma's MessageContentType", () => {
    const stored = [...entries.map(([, e]) => e.stored), TEMPLATE_CONTENT.stored];
    expect(new Set(stored).size).toBe(stored.length);
    expect(sorted(stored)).toEqual(sorted(Object.values(MessageContentType)));
  });
});
