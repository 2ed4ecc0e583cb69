"""Reliability and security, measured: load, break and fuzz the served app, and write the figures.

A generated graph is bulk-loaded into a Neo4j of its own and served the README's way (a
`graph-service serve` process, loopback only). Then, each phase bounded in time and requests:

1. fuzz: operations generated from the schema (hypothesis-graphql: valid queries and
   mutations with random arguments, and invalid ones) and a corpus of hostile requests;
2. expensive but valid: operations near the cost budget, 16 at a time, while a profile is timed;
3. faults under load: mixed reads at concurrency 16 and a writer while Neo4j is killed
   (SIGKILL) and started again, then frozen (SIGSTOP) and thawed; readiness polled;
4. acknowledged writes: every write the service acknowledged during the faults is looked up;
5. soak: mixed reads at concurrency 32, per minute;
6. import faults: broken files and Neo4j killed mid-load, through `graph-service load`;
7. CLI and settings errors: what a user sees for each mistake.

Every answer is judged: no 5xx but a 503/504 with a code, none past the deadline plus 1 s, no
message naming internals (tracebacks, Cypher, Neo4j codes, statement names), every rejection
with a code. The figures go to docs/reliability.md (rewritten each run); the exit status is 1
when any pass condition fails.

    .venv/bin/python -m bench.reliability              # make reliability (about 15 minutes)
    .venv/bin/python -m bench.reliability --quick      # about 7 minutes: every phase, small counts
    .venv/bin/python -m bench.reliability --soak 1800  # make soak: 30 minutes of phase 5 alone
"""
