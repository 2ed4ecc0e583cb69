// The one way the pages talk to the service: POST /graphql. Errors come back as thrown
// ApiError with the service's code (NOT_FOUND, INVALID_INPUT, NEO4J_UNAVAILABLE, ...).

class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code || "ERROR";
  }
}

export async function gql(query, variables, signal) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The service did not answer. Is it running?", "UNREACHABLE");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered ${response.status} without data.`, "HTTP");
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((e) => e.message).join("; "), first.extensions?.code);
  }
  return body.data;
}
