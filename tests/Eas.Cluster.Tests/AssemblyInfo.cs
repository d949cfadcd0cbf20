// Three server processes, Dovecot and PostgreSQL are all two cores can take; a second cluster in parallel would
// make the failure detector see dead nodes that are only starved. It also lets each test's Timeout be enforced.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
