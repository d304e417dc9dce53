# The first-run times and sizes, measured on the project's 2-core machine with an empty npm cache (see
# docs/real-n8n.md, "Measured"). The scripts print these; README.md and docs/real-n8n.md quote the same figures
# (test/package/firstRun.test.ts checks that they agree).
LEADBRIDGE_DEPS_ESTIMATE="about 2 minutes"        # npm install of the dev dependencies
LEADBRIDGE_DEPS_MB=1000                           # their size in node_modules
LEADBRIDGE_N8N_ESTIMATE="about 5 minutes"         # Node 24 + an n8n version (both versions in parallel take the same)
LEADBRIDGE_TEST_ESTIMATE="about 11 minutes"       # a first `npm test`, from a fresh clone
LEADBRIDGE_START_ESTIMATE="about 6 minutes"       # a first `npm start`, until the editor URL is printed
