// GraphiQL served by the service itself, with example operations ready to run.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";

const PROFILE = `# A researcher page in one request: profile, works, collaborators, topics.
query Profile($id: ID! = "A9000000042") {
  author(id: $id) {
    name worksCount citationCount hIndex
    institutions { institution { name countryCode } firstYear lastYear papers }
    topics(first: 5) { topic { name level } works }
    collaborators(first: 10) { totalCount nodes { author { id name } sharedWorks lastYear } }
    works(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title year venue citedByCount authorships { position author { name } } }
    }
  }
}`;

const SLICE = `# The graph around a node: bounded, ranked, with stable edge ids.
query Slice($id: ID! = "A9000000042") {
  neighborhood(id: $id, depth: 2, limit: 100, perNodeLimit: 10) {
    truncated totalNeighbors
    center { id label }
    nodes { id type label weight hop year citations }
    edges { id source target type weight }
  }
}`;

const PATH = `# How two researchers are connected.
query Path($from: ID! = "A9000000042", $to: ID! = "A9000000001") {
  path(from: $from, to: $to, maxLength: 6) {
    nodes { id type label hop }
    edges { id type }
  }
}`;

const SEARCH = `# Full-text search over titles and names, as you type.
query Search($q: String! = "quantiz") {
  search(query: $q, first: 10) {
    score
    node { __typename id ... on Author { name worksCount } ... on Paper { title year } }
  }
}`;

const fetcher = createGraphiQLFetcher({ url: window.location.pathname || "/graphql" });

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={[
        { query: PROFILE },
        { query: SLICE },
        { query: PATH },
        { query: SEARCH },
      ]}
      defaultEditorToolsVisibility={true}
    />
  );
}

createRoot(document.getElementById("graphiql")).render(<App />);
