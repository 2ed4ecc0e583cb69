// What the explorer asks the service.
import { TYPES } from "./address.js";

export const SLICE = `query($id: ID!, $depth: Int!, $limit: Int!, $per: Int!, $types: [NodeType!],
  $from: Int, $to: Int, $projection: Projection!) {
  neighborhood(id: $id, depth: $depth, limit: $limit, perNodeLimit: $per, nodeTypes: $types,
               yearFrom: $from, yearTo: $to, projection: $projection) {
    truncated totalNeighbors
    nodes { id type label weight hop year citations worksCount importance }
    edges { id source target type weight } } }`;

export const PATH = `query($from: ID!, $to: ID!, $projection: Projection!, $steps: Int!) {
  target: node(id: $to) { __typename id ...named }
  path(from: $from, to: $to, maxLength: $steps, projection: $projection) {
    nodes { id type label weight hop year citations worksCount importance }
    edges { id source target type weight } } }
fragment named on Node { ... on Author { name } ... on Paper { title } ... on Topic { name } ... on Institution { name } }`;

// Who is who when two nodes have one name: a researcher's latest institution, a topic's
// parent, an institution's country, a paper's year.
export const CONTEXT = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
  ... on Author { worksCount institutions { institution { name } lastYear } }
  ... on Topic { parent { name } }
  ... on Institution { countryCode } } }`;

export const PROFILE = `query($id: ID!, $after: String) { author(id: $id) {
  id name orcid worksCount citationCount hIndex
  institutions { institution { id name countryCode } firstYear lastYear papers }
  topics(first: 6) { topic { id name } works }
  collaborators(first: 8) { totalCount nodes { author { id name } sharedWorks lastYear } }
  works(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id title year venue citedByCount } } } }`;

export const SEARCH_ONE = `query($q: String!) { search(query: $q, first: 1) { node { id } } }`;

// SLICE's variables for a state, around `id` to `depth` (an expansion asks for one step).
export function sliceVariables(s, id = s.id, depth = s.depth) {
  return {
    id,
    depth,
    limit: s.limit,
    per: s.per,
    types: s.types.length === TYPES.length ? null : s.types,
    from: s.from,
    to: s.to,
    projection: s.co ? "COLLABORATION" : "FULL",
  };
}
