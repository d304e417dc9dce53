# The first-run times and sizes, measured from fresh clones with empty npm and n8n caches on the project's 2-core
# machine while other jobs ran (4 Dec 2026; docs/real-n8n.md, "Measured"). The scripts print these; README.md and docs/real-n8n.md quote the same figures
# (test/package/firstRun.test.ts checks that they agree).
LEADBRIDGE_DEPS_ESTIMATE="about 3 minutes"        # npm install of the dev dependencies, alongside the n8n installs
LEADBRIDGE_DEPS_MB=1000                           # their size in node_modules
LEADBRIDGE_N8N_ESTIMATE="about 7 minutes"         # Node 24 + each n8n version, both in parallel, alongside the rest
LEADBRIDGE_TEST_ESTIMATE="about 9 minutes"        # a first `npm test`, from a fresh clone
LEADBRIDGE_START_ESTIMATE="about 6 minutes"       # a first `npm start`, until the editor URL is printed
