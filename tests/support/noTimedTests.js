// Speed lives in `npm run bench`, never in a test: a test may take as long as a loaded 2-core CI
// machine needs. Jest's 5 s default (and Testing Library's 1 s for findBy…/waitFor) made every test a
// timed one, and under load four tests failed only for being slow. A test that hangs still fails, at 2 min.
jest.setTimeout(120_000);
