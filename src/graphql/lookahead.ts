/**
 * Whether an operation selects a field below the current one, so a resolver can read what its
 * children will need in the same statement. Fragments count; @skip/@include do not (reading more
 * than is answered is harmless, reading less would only cost a round trip).
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

const NO_SELECTIONS: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [] };

function fieldsNamed(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], name: string, seen: Set<string>): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection.selectionSet ?? NO_SELECTIONS);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return found;
}

function lookAhead(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = info.fieldNodes.flatMap((node: FieldNode) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsNamed(info, sets, name, new Set());
    if (sets.length === 0) return false;
  }
  return true;
}

/**
 * Answers by field node and path. The answer depends only on the nodes' subtrees and the document's
 * fragments, and a node belongs to one document (Apollo keeps each parsed document): a lone node is
 * the key across requests, several (the same field asked twice) their array, which graphql-js
 * shares between the items of a list. A page asks once per message otherwise.
 */
const known = new WeakMap<object, Map<string, boolean>>();

/** True when the path of field names, starting below the resolver's own field, is selected. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const key: object = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : info.fieldNodes;
  const name = path.join(".");
  let answers = known.get(key);
  const answer = answers?.get(name);
  if (answer !== undefined) return answer;
  const value = lookAhead(info, path);
  if (!answers) known.set(key, (answers = new Map<string, boolean>()));
  answers.set(name, value);
  return value;
}
