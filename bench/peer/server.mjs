// The Neo4j GraphQL Library serving the graph_service graph: the benchmark's peer.
// Node types and relationships are the library's native form; what it has no native form for
// (ranked bounded slices, shortest paths, the multi-label full-text search, an author's top
// topics) is a `@cypher` field running the same statement file graph_service runs.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import net from "node:net";

// The JS driver leaves Nagle's algorithm on for its Bolt sockets, so a transaction's second
// small write waits for the server's delayed ACK: about 40 ms a request on loopback. The
// Python driver turns it off (TCP_NODELAY); the peer does the same, so it is not measured
// slower for a socket option.
const connect = net.connect;
net.connect = (...args) => connect(...args).setNoDelay(true);

const cypher = (name) => {
  const text = readFileSync(new URL(`../../cypher/${name}.cypher`, import.meta.url), "utf8");
  if (text.includes('"""')) throw new Error(`${name}: cannot be a GraphQL block string`);
  return `"""\n${text}\n"""`;
};

// A statement the service writes out per request shape (the slice, per centre label and
// depth): the suite writes the shapes the workloads ask for into $PEER_CYPHER.
const composed = (name) => {
  const text = readFileSync(`${process.env.PEER_CYPHER}/${name}.cypher`, "utf8");
  if (text.includes('"""')) throw new Error(`${name}: cannot be a GraphQL block string`);
  return `"""\n${text}\n"""`;
};
const neighborhood = (depth) => `
    neighborhood${depth}(
      center: ID!
      depth: Int!
      limit: Int!
      perNodeLimit: Int!
      scanLimit: Int!
      relTypes: [String!]!
      nodeTypes: [String!]!
      listed: [ListedKind!]!
      yearFrom: Int
      yearTo: Int
    ): Slice @cypher(statement: ${composed(`neighborhood_author_${depth}`)}, columnName: "slice")`;

const typeDefs = `#graphql
  type Author @node {
    id: ID!
    name: String
    orcid: String
    worksCount: Int
    citationCount: Int
    hIndex: Int
    works: [Paper!]! @relationship(type: "AUTHORED", direction: OUT, properties: "Authored")
    institutions: [Institution!]!
      @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Affiliation")
    collaborators: [Author!]!
      @relationship(type: "COLLABORATES_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "Collaboration")
    topTopics(first: Int! = 5): [TopicShare!]!
      @cypher(statement: ${cypher("peer/author_top_topics")}, columnName: "share")
  }
  type Paper @node {
    id: ID!
    doi: String
    title: String
    year: Int
    publicationDate: String
    type: String
    venue: String
    citedByCount: Int
    stub: Boolean
    authors: [Author!]! @relationship(type: "AUTHORED", direction: IN, properties: "Authored")
    topics: [Topic!]! @relationship(type: "HAS_TOPIC", direction: OUT, properties: "TopicScore")
    references: [Paper!]! @relationship(type: "CITES", direction: OUT)
    citedBy: [Paper!]! @relationship(type: "CITES", direction: IN)
  }
  type Topic @node {
    id: ID!
    name: String
    level: Int
    works: [Paper!]! @relationship(type: "HAS_TOPIC", direction: IN, properties: "TopicScore")
    parent: [Topic!]! @relationship(type: "SUBTOPIC_OF", direction: OUT)
  }
  type Institution @node {
    id: ID!
    name: String
    ror: String
    countryCode: String
    type: String
    members: [Author!]!
      @relationship(type: "AFFILIATED_WITH", direction: IN, properties: "Affiliation")
  }
  type Authored @relationshipProperties {
    position: Int
    isCorresponding: Boolean
  }
  type Affiliation @relationshipProperties {
    firstYear: Int
    lastYear: Int
    papers: Int
  }
  type Collaboration @relationshipProperties {
    sharedWorks: Int
    firstYear: Int
    lastYear: Int
  }
  type TopicScore @relationshipProperties {
    score: Float
  }
  type TopicShare {
    topic: TopicRef!
    works: Int!
  }
  type TopicRef {
    id: ID!
    name: String
  }
  type SliceNode {
    id: ID!
    type: String!
    label: String
    hop: Int!
    year: Int
    citations: Int
    worksCount: Int
    weight: Float
  }
  type SliceEdge {
    source: ID!
    target: ID!
    type: String!
    weight: Float
  }
  type Slice {
    center: ID
    totalNeighbors: Int
    truncated: Boolean
    nodes: [SliceNode!]!
    edges: [SliceEdge!]!
  }
  input ListedKind {
    key: String!
    kind: String!
    type: String!
    out: Boolean!
  }
  type SearchValue {
    id: ID!
    name: String
    title: String
    year: Int
  }
  type Query {
    ${[1, 2, 3].map(neighborhood).join("\n")}
    path(from: ID!, to: ID!, maxLength: Int!): Slice
      @cypher(statement: ${cypher("peer/find_path")}, columnName: "slice")
    search(query: String!, types: [String!]!, first: Int!, candidates: Int!): [SearchValue!]!
      @cypher(statement: ${cypher("search_nodes")}, columnName: "value")
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
const library = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await library.getSchema() });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
  context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE ?? "neo4j" } }),
});
console.log(`peer ready at ${url}`);
if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("graphql");
  console.log(printSchema(await library.getSchema()));
}
