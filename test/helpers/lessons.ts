/** A lesson file that loads without a problem: the tests that break lesson files start from it. */
export const VALID = `id: fine
title: Fine
summary: A valid scenario.
steps:
  - id: run
    title: Run
    text: Run a container.
    checks:
      - container: rn1
    solution: [docker container run --name rn1 diamol/ch06-random-number]
`;
